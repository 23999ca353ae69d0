// Drives rtk-sessions with Cloudflare's official TypeScript SDK (npm `cloudflare`) and reports
// what the SDK returned. It asserts nothing: CloudflareTypeScriptSdkTest (server module) feeds a
// known history, runs this script and checks the report.
//
// Environment:
//   BASE_URL    e.g. http://127.0.0.1:8080/client/v4
//   API_TOKEN   a token the server accepts
//   ACCOUNT_ID  account id, APP_ID  app id
//   SDK_CALLS   optional JSON array of calls:
//                 [{"name": "...", "method": "sessions.getSessionDetails", "id": "...", "params": {...},
//                   "token": "..."}]
//               method: which SDK method, as "<resource>.<method>" under client.realtimeKit (one of
//               METHODS below); default "sessions.getSessions".
//               id: the method's first argument (session, participant, peer, meeting or webhook id);
//               for sessions.getSessions, webhooks.createWebhook and webhooks.getWebhooks it is the
//               app id and defaults to APP_ID.
//               params: the method's params; account_id is added, and app_id too for every method
//               whose first argument is not the app id.
//               token, when given, replaces API_TOKEN for that call.
//               Without SDK_CALLS one call "default" (getSessions, no query) is made.
//
// Output: one JSON document on stdout:
//   {"sdk": {"package": "cloudflare", "version": "7.3.0"},
//    "calls": {"<name>": {"ok": true, "method", "elapsed_ms", "requests": [{"method", "url"}], "body": {...}}
//              "<name>": {"ok": false, "method", "elapsed_ms", "requests": [...], "error": {"class", "is_authentication_error",
//                         "is_not_found_error", "is_api_error", "status", "message", "errors", "body"}}}}
// Exit code 0 whenever the report was written (failed calls are reported, not fatal).

import Cloudflare from 'cloudflare';
import { VERSION } from 'cloudflare/version';

function required(name) {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`sessions-compat: environment variable ${name} is required\n`);
    process.exit(2);
  }
  return value;
}

const baseURL = required('BASE_URL');
const apiToken = required('API_TOKEN');
const accountId = required('ACCOUNT_ID');
const appId = required('APP_ID');
const calls = process.env.SDK_CALLS ? JSON.parse(process.env.SDK_CALLS) : [{ name: 'default', params: {} }];

// The SDK methods a call may name, with how each takes its arguments: (id, params).
const METHODS = {
  'sessions.getSessions': { appInPath: true },
  'sessions.getSessionDetails': {},
  'sessions.getSessionParticipants': {},
  'sessions.getSessionParticipantDetails': {},
  'sessions.getParticipantDataFromPeerID': {},
  'activeSession.getActiveSession': {},
  'webhooks.createWebhook': { appInPath: true },
  'webhooks.getWebhooks': { appInPath: true },
  'webhooks.getWebhookByID': {},
  'webhooks.editWebhook': {},
  'webhooks.replaceWebhook': {},
  'webhooks.deleteWebhook': {},
};
for (const call of calls) {
  const method = call.method ?? 'sessions.getSessions';
  if (!Object.hasOwn(METHODS, method)) {
    process.stderr.write(`sessions-compat: call ${call.name}: unknown method ${method}; known: ${Object.keys(METHODS)}\n`);
    process.exit(2);
  }
  if (!METHODS[method].appInPath && !call.id) {
    process.stderr.write(`sessions-compat: call ${call.name}: ${method} needs an id\n`);
    process.exit(2);
  }
}

/** Calls the SDK method a call names, the way that method takes its arguments. */
function invoke(sdk, call) {
  const method = call.method ?? 'sessions.getSessions';
  const [resource, name] = method.split('.');
  const target = sdk.realtimeKit[resource];
  if (METHODS[method].appInPath) {
    return target[name](call.id ?? appId, { account_id: accountId, ...(call.params ?? {}) });
  }
  return target[name](call.id, { account_id: accountId, app_id: appId, ...(call.params ?? {}) });
}

// What the SDK actually put on the wire, per call (a retry would show as a second entry).
let requests = [];
const recordingFetch = async (url, init) => {
  requests.push({ method: init?.method ?? 'GET', url: String(url) });
  return fetch(url, init);
};

function client(token) {
  // No retries: a 5xx must show up as such, and the bad-token call must be quick.
  return new Cloudflare({ apiToken: token, baseURL, maxRetries: 0, timeout: 20_000, fetch: recordingFetch });
}

const report = { sdk: { package: 'cloudflare', version: VERSION }, calls: {} };
for (const call of calls) {
  requests = [];
  const sdk = client(call.token ?? apiToken);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const body = await invoke(sdk, call);
    report.calls[call.name] = { ok: true, method: call.method ?? 'sessions.getSessions', elapsed_ms: elapsed(), requests, body };
  } catch (err) {
    report.calls[call.name] = {
      ok: false,
      method: call.method ?? 'sessions.getSessions',
      elapsed_ms: elapsed(),
      requests,
      error: {
        class: err?.constructor?.name ?? typeof err,
        is_authentication_error: err instanceof Cloudflare.AuthenticationError,
        is_not_found_error: err instanceof Cloudflare.NotFoundError,
        is_api_error: err instanceof Cloudflare.APIError,
        status: err?.status ?? null,
        message: String(err?.message ?? err),
        errors: err?.errors ?? null,
        body: err?.error ?? null,
      },
    };
  }
}
process.stdout.write(JSON.stringify(report) + '\n');
