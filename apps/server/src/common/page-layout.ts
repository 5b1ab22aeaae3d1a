import Handlebars from 'handlebars';

/*
 * The frame of every page the server renders for people (sign-in, sign-up, password reset, the
 * confirmation links): one look, light and dark, readable (axe) and labelled.
 */

/** What every sign-in page shows around its form. */
export interface PageFrame {
  title: string;
  realmName: string;
  /** One line shown above the form, as an alert (errors) or a status (notices). */
  error?: string;
  notice?: string;
}

const layout = Handlebars.compile<PageFrame & { body: string }>(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{title}} · {{realmName}}</title>
<link rel="icon" href="data:,">
<style>
:root { color-scheme: light dark; --fg: #1f2328; --bg: #f5f6f8; --card: #fff; --accent: #1e6bd6; --accent-fg: #fff; --muted: #5b6470; --border: #d0d7de; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e6; --bg: #16181c; --card: #1f2227; --accent: #6ea8ff; --accent-fg: #0c1320; --muted: #a0a7b1; --border: #3a3f47; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 26rem; margin: 8vh auto; padding: 2rem; background: var(--card); border: 1px solid var(--border); border-radius: 10px; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.realm { color: var(--muted); margin: 0 0 1.5rem; }
label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
input[type=email], input[type=password], input[type=text] { width: 100%; padding: .6rem .7rem; font: inherit; color: inherit; background: transparent; border: 1px solid var(--border); border-radius: 6px; }
button, .button { display: inline-block; width: 100%; margin-top: 1.25rem; padding: .65rem; font: inherit; font-weight: 600; color: var(--accent-fg); background: var(--accent); border: 0; border-radius: 6px; text-align: center; text-decoration: none; cursor: pointer; }
.button.secondary { background: transparent; color: var(--accent); border: 1px solid var(--accent); }
[role=alert] { padding: .6rem .8rem; border-radius: 6px; background: #fde8e8; color: #8a1c1c; }
[role=status] { padding: .6rem .8rem; border-radius: 6px; background: #e6f4ea; color: #1e5b2d; }
.links { margin-top: 1.5rem; font-size: .95rem; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; }
a { color: var(--accent); }
.or { text-align: center; color: var(--muted); margin: 1.25rem 0 0; }
</style>
</head>
<body>
<main>
<h1>{{title}}</h1>
<p class="realm">{{realmName}}</p>
{{#if error}}<p role="alert">{{error}}</p>{{/if}}
{{#if notice}}<p role="status">{{notice}}</p>{{/if}}
{{{body}}}
</main>
</body>
</html>
`);

/** A page template: its body, in the shared frame (title, organization, alert, notice). */
export function page<T extends object>(source: string): (frame: PageFrame, data: T) => string {
  const body = Handlebars.compile<T>(source);
  return (frame, data) => layout({ ...frame, body: body(data) });
}
