import Handlebars from 'handlebars';

const template = Handlebars.compile<{
  realmName: string;
  email?: string;
  error?: string;
  done?: boolean;
  fullName?: string;
  showForm: boolean;
}>(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{realmName}}: create your account</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 28rem; margin: 3rem auto;">
<h1>{{realmName}}</h1>
{{#if done}}<p>Your account {{email}} is ready. You can now log in.</p>
<p><a href="/">Open {{realmName}}</a></p>{{/if}}
{{#if error}}<p role="alert" style="color: #b00020;">{{error}}</p>{{/if}}
{{#if showForm}}
<form method="post">
  <p>Create the account for <strong>{{email}}</strong>.</p>
  <p><label>Full name<br><input name="full_name" required maxlength="100" value="{{fullName}}"></label></p>
  <p><label>Password<br><input name="password" type="password" required autocomplete="new-password"></label></p>
  <p><button type="submit">Create account</button></p>
</form>
{{/if}}
</body>
</html>
`);

/** The small page behind a confirmation link: the name and password form, or why it failed. */
export function renderConfirmPage(options: {
  realmName: string;
  email?: string;
  error?: string;
  done?: boolean;
  fullName?: string;
}): string {
  return template({ ...options, showForm: !options.done && options.email !== undefined });
}
