/**
 * The stored-XSS corpus: 128 vectors, written for this project from the families of holes that
 * chat servers and their web clients had to fix. Each vector, if it ever runs, calls
 * `__xss(<its number>)` (or `alert(<number>)`), so a browser test can tell which one got through.
 *
 * In the templates below `$X` stands for that call, `$E` for it as HTML decimal entities, `$H` as
 * hex entities, `$U` percent-encoded, `$J` as JavaScript unicode escapes, and `$N` for the bare
 * number.
 */
export interface XssVector {
  /** 1-based, the argument the vector passes to `__xss`. */
  n: number;
  family: string;
  text: string;
}

const FAMILIES: Record<string, string[]> = {
  'script tag': [
    '<script>$X</script>',
    '<SCRIPT>$X</SCRIPT>',
    '<script src=data:,$X></script>',
    '<script>/*</script><script>*/$X</script>',
    '<scr<script>ipt>$X</scr</script>ipt>',
    '"><script>$X</script>',
    "'><script>$X</script>",
    '</title><script>$X</script>',
    '</textarea><script>$X</script>',
    '<script type=module>$X</script>',
    '<script\x0c>$X</script>',
    '<<script>$X//<</script>',
  ],
  'event handler': [
    '<img src=x onerror=$X>',
    '<img src=x onerror="$X">',
    '<IMG SRC=x ONERROR=$X>',
    '<img/src/onerror=$X>',
    '<body onload=$X>',
    '<div onmouseover=$X>hover</div>',
    '<input autofocus onfocus=$X>',
    '<details open ontoggle=$X>',
    '<video><source onerror=$X></video>',
    '<audio src=x onerror=$X>',
    '<marquee onstart=$X>m</marquee>',
    '<select autofocus onfocus=$X>',
    '<textarea autofocus onfocus=$X>',
    '<a onclick=$X href=#>click</a>',
    '<span onanimationstart=$X style=animation-name:spin>s</span>',
    '<img src=x:x onerror=$X//',
    '<img src="x` `<script>$X</script>"` `>',
    '<image src=x onerror=$X>',
    '<x onclick=$X>click</x>',
    '<object data=x onerror=$X>',
  ],
  'javascript: URL': [
    '<a href="javascript:$X">click</a>',
    '<a href="JaVaScRiPt:$X">click</a>',
    '<a href=" javascript:$X">click</a>',
    '<a href="java\tscript:$X">click</a>',
    '<a href="javascript&colon;$X">click</a>',
    '<a href="&#106;avascript:$X">click</a>',
    '<a href="javascript:%5f%5fxss($N)">click</a>',
    '<iframe src="javascript:$X"></iframe>',
    '<form action="javascript:$X"><button>go</button></form>',
    '<button formaction="javascript:$X">go</button>',
    '<a href="vbscript:msgbox($N)">vb</a>',
    '<a href="data:text/html,<script>$X</script>">data</a>',
    '<embed src="javascript:$X">',
    '<base href="javascript:$X//">',
    '<meta http-equiv=refresh content="0;url=javascript:$X">',
  ],
  'SVG and MathML': [
    '<svg onload=$X>',
    '<svg><script>$X</script></svg>',
    '<svg><a xlink:href="javascript:$X"><text x=20 y=20>svg</text></a></svg>',
    '<svg><animate onbegin=$X attributeName=x dur=1s>',
    '<svg><set attributeName=onmouseover to=$X>',
    '<svg><use href="data:image/svg+xml,<svg id=x><image href=1 onerror=$X /></svg>#x">',
    '<svg><foreignObject><img src=x onerror=$X></foreignObject></svg>',
    '<svg><style><img src=x onerror=$X></style></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=$X>',
    '<math href="javascript:$X">math</math>',
    '<math><maction actiontype=statusline xlink:href="javascript:$X">m</maction></math>',
    '<svg><title><![CDATA[</title><img src=x onerror=$X>]]></svg>',
  ],
  'srcdoc and embedded documents': [
    '<iframe srcdoc="<script>parent.$X</script>"></iframe>',
    '<iframe srcdoc="&lt;img src=x onerror=parent.$X&gt;"></iframe>',
    '<object data="data:text/html,<script>parent.$X</script>"></object>',
    '<embed src="data:text/html,<script>parent.$X</script>">',
    '<iframe src="data:text/html,<script>parent.$X</script>"></iframe>',
    '<frameset onload=$X>',
    '<template><img src=x onerror=$X></template>',
    '<noscript><p title="</noscript><img src=x onerror=$X>">',
  ],
  'CSS expressions': [
    '<div style="width:expression($X)">css</div>',
    '<div style="background:url(javascript:$X)">css</div>',
    '<style>@import "javascript:$X";</style>',
    '<style>*{x:expression($X)}</style>',
    '<link rel=stylesheet href="javascript:$X">',
    '<div style="-moz-binding:url(data:text/xml,x#xss)">css</div>',
    '<style></style><img src=x onerror=$X>',
    '<p style="behavior:url(#default#time2)" onbegin=$X>css</p>',
  ],
  'entities and encodings': [
    '<img src=x onerror="$E">',
    '<img src=x onerror="$H">',
    '<a href="javascript:$E">enc</a>',
    '<a href="&#x6a;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3a;$X">enc</a>',
    '&lt;script&gt;$X&lt;/script&gt;',
    '&#60;img src=x onerror=$X&#62;',
    '<img src=x onerror=$J>',
    '<a href="javascript:$U">enc</a>',
    '<img src=x onerror=eval(atob("X194c3M="))>',
    '\u003cimg src=x onerror=$X\u003e',
    '＜script＞$X＜/script＞',
    '<img src=x onerror=\u0061lert($N)>',
    '<img src=x onerror=top[`__xss`]($N)>',
  ],
  'Markdown links and syntax': [
    '[click](javascript:$X)',
    '[click](JAVASCRIPT:$X)',
    '[click](javascript&#58;$X)',
    '[click]( javascript:$X)',
    '[click](<javascript:$X>)',
    '![img](x" onerror="$X)',
    '![img](javascript:$X)',
    '[click](data:text/html;base64,PHNjcmlwdD5fX3hzcygxKTwvc2NyaXB0Pg==)',
    '[a]: javascript:$X\n\n[ref link][a]',
    '<javascript:$X>',
    '[click](https://example.com "title\' onmouseover=\'$X")',
    '**<img src=x onerror=$X>**',
    '`code` <img src=x onerror=$X> `code`',
    '```\n</code><img src=x onerror=$X>\n```',
    '> quote <img src=x onerror=$X>',
    '[x](https://example.com/)<img src=x onerror=$X>',
  ],
  'broken and mutated tags': [
    '<img src=x onerror=$X',
    '<img """><script>$X</script>">',
    '<a href="x" <img src=x onerror=$X>>',
    '<IMG SRC=`javascript:$X`>',
    '<img src=x onerror=$X//<br>',
    '<!--><img src=x onerror=$X>-->',
    '<!-- --!><img src=x onerror=$X>-->',
    '<![CDATA[><img src=x onerror=$X>]]>',
    '<p id="</p><img src=x onerror=$X>">',
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror=$X>',
    '<a href="\nj\na\nv\na\ns\nc\nr\ni\np\nt:$X">nl</a>',
    '<xmp><p title="</xmp><img src=x onerror=$X>">',
    '<title><img src=x onerror=$X></title>',
    '"onmouseover="$X',
  ],
  'template injection': [
    '{{constructor.constructor("$X")()}}',
    '{{#with "s" as |string|}}{{string.constructor.constructor "$X"}}{{/with}}',
    '{{{"<img src=x onerror=$X>"}}}',
    '{{> partial}}<img src=x onerror=$X>',
    '{{lookup this "constructor"}}<script>$X</script>',
    '${$X}',
    '{{html "<img src=x onerror=$X>"}}',
    '{{!-- --}}<script>$X</script>{{!-- --}}',
    '{{#each this}}<img src=x onerror=$X>{{/each}}',
    '{{link "click" "javascript:$X"}}',
  ],
};

function fill(template: string, n: number): string {
  const call = `__xss(${n})`;
  return template
    .replaceAll('$X', call)
    .replaceAll('$E', [...call].map((c) => `&#${c.charCodeAt(0)};`).join(''))
    .replaceAll('$H', [...call].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join(''))
    .replaceAll('$U', [...call].map((c) => `%${c.charCodeAt(0).toString(16)}`).join(''))
    .replaceAll(
      '$J',
      [...call].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    )
    .replaceAll('$N', String(n));
}

export const XSS_VECTORS: readonly XssVector[] = Object.entries(FAMILIES)
  .flatMap(([family, templates]) => templates.map((template) => ({ family, template })))
  .map(({ family, template }, i) => ({ n: i + 1, family, text: fill(template, i + 1) }));
