// Passkeys (WebAuthn) for forms marked data-passkey="create" or "sign-in". A separate file, loaded
// only where needed, with no inline script: the content security policy forbids inline code.
// The form asks its page for the options (POST ?handler=Options, with the antiforgery token), asks
// the browser for a credential, then submits it in the hidden "credential" field.
const forms = document.querySelectorAll('form[data-passkey]');

function supported() {
  return window.PublicKeyCredential
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';
}

for (const form of forms) {
  if (!supported()) {
    const note = form.querySelector('[data-passkey-unsupported]');
    if (note) note.hidden = false;
    continue;
  }
  form.addEventListener('submit', async (event) => {
    if (form.dataset.passkeyReady === 'true') return;
    event.preventDefault();
    const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
    const body = new URLSearchParams({ __RequestVerificationToken: token });
    const response = await fetch(form.dataset.passkeyOptions, { method: 'POST', body, credentials: 'same-origin' });
    if (!response.ok) {
      form.querySelector('input[name="error"]').value = 'options';
      form.dataset.passkeyReady = 'true';
      form.requestSubmit();
      return;
    }
    const options = await response.json();
    let credential = null;
    try {
      credential = form.dataset.passkey === 'create'
        ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
        : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
    } catch (e) {
      form.querySelector('input[name="error"]').value = e && e.name === 'NotAllowedError' ? 'cancelled' : 'failed';
    }
    if (credential) {
      form.querySelector('input[name="credential"]').value = JSON.stringify(credential);
    }
    form.dataset.passkeyReady = 'true';
    form.requestSubmit();
  });
}
