// xml2js ships no types; it is installed with office-addin-mock (office-addin-manifest).
declare module 'xml2js' {
  export function parseStringPromise(xml: string, options?: Record<string, unknown>): Promise<any>;
}
