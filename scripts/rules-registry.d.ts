/** Types of scripts/rules-registry.js, for the tests that run it. */
export declare const RULES_DIR: string;
export declare const OUTPUT: string;
export declare function ruleFiles(rulesDir?: string): { family: string; name: string; binding: string }[];
export declare function renderRegistry(rulesDir?: string): string;
export declare function writeRegistry(rulesDir?: string): boolean;
export declare function isCurrent(rulesDir?: string): boolean;
export declare class RulesRegistryPlugin {
  constructor(rulesDir?: string);
  apply(compiler: unknown): void;
}
