export declare const DEBIAN_CHROMIUM: string;
export declare function systemChromiumPath(): string | undefined;
export declare function chromiumLaunchOptions(): { executablePath?: string; args?: string[] };
