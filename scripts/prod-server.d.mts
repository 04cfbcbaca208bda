export declare function freePort(): Promise<number>;
export declare function startProductionServer(opts?: { env?: Record<string, string>; port?: number }): Promise<{ url: string; port: number; stop: () => Promise<void>; output: () => string }>;
