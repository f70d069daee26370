export declare const DEV_BASE_URL: string;
export declare const PAGES: { filename: string; template: string; chunks: string[] }[];
export declare const ENTRIES: Record<string, string>;
export declare const ICON_SIZES: number[];
export declare function expectedOutputs(): string[];
export declare function productionBaseUrl(env?: Record<string, string | undefined>): string;
export declare function rebase(text: string, baseUrl: string): string;
export declare const DEV_ORIGIN: string;
