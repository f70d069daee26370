/** The part of jsdom's API the Office.js loader uses (the package ships no types). */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { runScripts?: 'dangerously' | 'outside-only'; url?: string });
    readonly window: unknown;
  }
}
