export declare function finalizeFunctionsMetadata(json: string): string;
export declare class FinalizeFunctionsMetadataPlugin {
  constructor(filename?: string);
  apply(compiler: unknown): void;
}
