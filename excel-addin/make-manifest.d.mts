export declare const ADDIN_ID: string;
export declare const ADDIN_VERSION: string;
export declare const DEV_BASE_URL: string;
export declare const MIN_EXCEL_API: string;
export declare function checkBaseUrl(input: string): { base?: string; error?: string };
export declare function makeManifest(baseUrl: string): string;
export declare const PROVIDER_NAME: string;
export declare const RIBBON_ICON_SIZES: number[];
