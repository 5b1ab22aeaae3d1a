import { page } from '../common/page-layout';

const confirmBody = page<{
  realmName: string;
  email?: string;
  done?: boolean;
  fullName?: string;
  csrfToken?: string;
  showForm: boolean;
}>(`
{{#if done}}
<p>Your account <strong>{{email}}</strong> is ready, and you are logged in.</p>
<a class="button" href="/">Open {{realmName}}</a>
{{/if}}
{{#if showForm}}
<form method="post">
  <input type="hidden" name="csrfmiddlewaretoken" value="{{csrfToken}}">
  <p>Create the account for <strong>{{email}}</strong>.</p>
  <label for="full_name">Full name</label>
  <input id="full_name" name="full_name" type="text" required maxlength="100" autocomplete="name" value="{{fullName}}" autofocus>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" required autocomplete="new-password">
  <button type="submit">Create account</button>
</form>
{{/if}}
{{#unless done}}{{#unless showForm}}<p class="links"><a href="/login/">Back to log in</a></p>{{/unless}}{{/unless}}
`);

/**
 * The page behind a sign-up or invitation link: the name and password form, the new account
 * (signed in), or why the link failed — in the frame of the other sign-in pages.
 */
export function renderConfirmPage(options: {
  realmName: string;
  email?: string;
  error?: string;
  done?: boolean;
  fullName?: string;
  /** The form's CSRF token (the cookie set beside the page). */
  csrfToken?: string;
}): string {
  const showForm = !options.done && options.email !== undefined;
  return confirmBody(
    {
      title: options.done ? 'Welcome' : 'Create your account',
      realmName: options.realmName,
      error: options.error,
    },
    { ...options, showForm },
  );
}
