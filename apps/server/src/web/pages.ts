import { page } from '../common/page-layout';

export interface LoginPageData {
  csrfToken: string;
  email?: string;
  next?: string;
  /** The organization allows email-and-password login. */
  password: boolean;
  /** "Log in with …" buttons for external identity providers. */
  providers: Array<{ name: string; url: string }>;
}

export const loginPage = page<LoginPageData>(`
{{#if password}}
<form method="post" action="/login/">
  <input type="hidden" name="csrfmiddlewaretoken" value="{{csrfToken}}">
  {{#if next}}<input type="hidden" name="next" value="{{next}}">{{/if}}
  <label for="email">Email</label>
  <input id="email" name="username" type="email" autocomplete="username" required value="{{email}}" autofocus>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Log in</button>
</form>
{{else}}
<p>This organization does not use passwords to log in.</p>
{{/if}}
{{#each providers}}
{{#if ../password}}<p class="or">or</p>{{else}}{{#unless @first}}<p class="or">or</p>{{/unless}}{{/if}}
<a class="button secondary" href="{{url}}">Log in with {{name}}</a>
{{/each}}
<p class="links">{{#if password}}<a href="/accounts/password/reset/">Forgot your password?</a>{{/if}}<a href="/register/">Sign up</a></p>
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
