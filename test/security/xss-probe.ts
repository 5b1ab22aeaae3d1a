import type { BrowserContext, Page } from 'playwright-core';

/**
 * What a page reports about script that ran, or tried to: the corpus's `__xss(n)` calls, dialogs
 * (`alert`), the Content-Security-Policy's refusals of script (a vector the sanitizer let through
 * and only the policy stopped), and markup in the document that could run script.
 */
export interface XssFindings {
  calls: string[];
  dialogs: string[];
  blockedScript: string[];
  dangerousMarkup: string[];
}

/**
 * Runs in every page before the client loads (the page's own globals, so it is JavaScript text:
 * this project's TypeScript has no DOM library).
 */
const SENTINEL = `
  window.__xssHits = [];
  window.__xss = (n) => { window.__xssHits.push(String(n)); };
  window.__cspScript = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    if (/^(script-src|object-src|frame-src|child-src|default-src)/.test(e.effectiveDirective)) {
      window.__cspScript.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sample);
    }
  });
`;

/** Elements and attributes in the live document that could run script, described in one line each. */
const SCAN = `(() => {
  const found = [];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'to', 'values', 'from', 'by'];
  const scriptable = /^(javascript|vbscript|data:(text\\/html|image\\/svg|application\\/xhtml))/;
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (tag === 'script' && !el.getAttribute('src')?.startsWith('/')) found.push('script: ' + el.outerHTML.slice(0, 120));
      if (['iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'applet'].includes(tag)) found.push(tag + ': ' + el.outerHTML.slice(0, 120));
      if (tag === 'meta' && el.getAttribute('http-equiv')) found.push('meta: ' + el.outerHTML.slice(0, 120));
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
        if (name.startsWith('on')) found.push(tag + ' ' + name + '=' + attr.value.slice(0, 80));
        else if (name === 'srcdoc') found.push(tag + ' srcdoc');
        else if (urlAttributes.includes(name) && scriptable.test(value)) found.push(tag + ' ' + name + '=' + attr.value.slice(0, 80));
        else if (name === 'attributename' && /^on/i.test(attr.value)) found.push(tag + ' animates ' + attr.value);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
})()`;

/** Listens on `context` (before any page opens) and collects what its pages report. */
export class XssProbe {
  private readonly dialogs: string[] = [];
  private readonly markup = new Set<string>();
  private pages: Page[] = [];

  async attach(context: BrowserContext): Promise<void> {
    await context.addInitScript(SENTINEL);
    context.on('page', (page) => this.watch(page));
  }

  private watch(page: Page): void {
    this.pages.push(page);
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  }

  /** Looks at the page's document now (call it after each view has rendered). */
  async scan(page: Page, where: string): Promise<void> {
    const found = (await page.evaluate(SCAN)) as string[];
    for (const line of found) this.markup.add(`${where}: ${line}`);
  }

  async findings(): Promise<XssFindings> {
    const calls: string[] = [];
    const blockedScript: string[] = [];
    for (const page of this.pages) {
      if (page.isClosed()) continue;
      calls.push(...((await page.evaluate('window.__xssHits')) as string[]));
      blockedScript.push(...((await page.evaluate('window.__cspScript')) as string[]));
    }
    return { calls, dialogs: this.dialogs, blockedScript, dangerousMarkup: [...this.markup] };
  }
}
