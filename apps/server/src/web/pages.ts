import Handlebars from 'handlebars';

/** What every sign-in page shows around its form. */
interface PageFrame {
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

function page<T extends object>(source: string): (frame: PageFrame, data: T) => string {
  const body = Handlebars.compile<T>(source);
  return (frame, data) => layout({ ...frame, body: body(data) });
}

export interface LoginPageData {
  csrfToken: string;
  email?: string;
  next?: string;
  /** "Log in with …" buttons for external identity providers. */
  providers: Array<{ name: string; url: string }>;
}

export const loginPage = page<LoginPageData>(`
<form method="post" action="/login/">
  <input type="hidden" name="csrfmiddlewaretoken" value="{{csrfToken}}">
  {{#if next}}<input type="hidden" name="next" value="{{next}}">{{/if}}
  <label for="email">Email</label>
  <input id="email" name="username" type="email" autocomplete="username" required value="{{email}}" autofocus>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Log in</button>
</form>
{{#each providers}}
<p class="or">or</p>
<a class="button secondary" href="{{url}}">Log in with {{name}}</a>
{{/each}}
<p class="links"><a href="/accounts/password/reset/">Forgot your password?</a><a href="/register/">Sign up</a></p>
`);

export const emailFormPage = page<{
  csrfToken: string;
  action: string;
  button: string;
  intro: string;
}>(`
<p>{{intro}}</p>
<form method="post" action="{{action}}">
  <input type="hidden" name="csrfmiddlewaretoken" value="{{csrfToken}}">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="email" required autofocus>
  <button type="submit">{{button}}</button>
</form>
<p class="links"><a href="/login/">Back to log in</a></p>
`);

export const newPasswordPage = page<{ csrfToken: string; email: string }>(`
<form method="post">
  <input type="hidden" name="csrfmiddlewaretoken" value="{{csrfToken}}">
  <p>Choose a new password for <strong>{{email}}</strong>.</p>
  <label for="new_password">New password</label>
  <input id="new_password" name="new_password" type="password" autocomplete="new-password" required>
  <label for="confirm_password">Confirm password</label>
  <input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" required>
  <button type="submit">Change password</button>
</form>
`);

export const logoutPage = page<{ csrfToken: string }>(`
<form method="post" action="/logout/">
  <input type="hidden" name="csrfmiddlewaretoken" value="{{csrfToken}}">
  <button type="submit">Log out</button>
</form>
`);

/** A page with only its message (and a way on). */
export const messagePage = page<{ link?: { href: string; text: string } }>(`
{{#if link}}<p class="links"><a href="{{link.href}}">{{link.text}}</a></p>{{/if}}
`);
