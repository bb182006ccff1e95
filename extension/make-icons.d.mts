/** PNG bytes of the square icon at `size` pixels. */
export declare function drawIcon(size: number): Buffer;
export declare const ICON_SIZES: number[];
export declare const ICON_DIR: URL;
