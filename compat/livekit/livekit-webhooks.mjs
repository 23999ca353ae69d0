// Produces LiveKit webhook requests with LiveKit's own server SDK (npm `livekit-server-sdk`),
// exactly as a LiveKit server makes them: the body is a WebhookEvent in protobuf's JSON, and the
// Authorization header an AccessToken (HS256 JWT) carrying the body's base64 SHA-256 in its
// sha256 claim. It sends nothing and asserts nothing: LiveKitWebhooksSdkTest (server module)
// posts the requests to the service and checks what it records.
//
// Input (environment): LIVEKIT_REQUESTS, a JSON array of
//   {"name": "...", "apiKey": "...", "apiSecret": "...", "ttl": "5m" (optional, e.g. "-60s" for an
//    expired token), "protoFieldNames": false (optional),
//    "event": {"event": "participant_joined", "id": "EV_...", "createdAt": 1741075200,
//              "room": {"name": "...", "sid": "RM_..."},
//              "participant": {"sid": "PA_...", "identity": "...", "name": "...", "joinedAt": 1741075200,
//                              "kind": 0}}}
// Output (stdout): {"sdk": {"package": "livekit-server-sdk", "version": "..."},
//                   "requests": {"<name>": {"body": "...", "authorization": "...", "contentType": "..."}}}

import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { AccessToken, ParticipantInfo, Room, WebhookEvent } from 'livekit-server-sdk';

const specs = JSON.parse(process.env.LIVEKIT_REQUESTS ?? '[]');
const sdkPackage = JSON.parse(readFileSync(new URL('./node_modules/livekit-server-sdk/package.json', import.meta.url)));

function event(spec) {
  const e = { event: spec.event, id: spec.id, createdAt: BigInt(spec.createdAt) };
  if (spec.room) {
    e.room = new Room({ name: spec.room.name, sid: spec.room.sid ?? '' });
  }
  if (spec.participant) {
    const p = spec.participant;
    e.participant = new ParticipantInfo({
      sid: p.sid,
      identity: p.identity ?? '',
      name: p.name ?? '',
      joinedAt: BigInt(p.joinedAt ?? 0),
      kind: p.kind ?? 0,
    });
  }
  const webhook = new WebhookEvent(e);
  webhook.event = spec.event; // the SDK's subclass resets event after the message constructor set it
  return webhook;
}

const report = { sdk: { package: 'livekit-server-sdk', version: sdkPackage.version }, requests: {} };
for (const spec of specs) {
  const body = event(spec.event).toJsonString({ useProtoFieldName: spec.protoFieldNames === true });
  const token = new AccessToken(spec.apiKey, spec.apiSecret, { ttl: spec.ttl ?? '5m' });
  token.sha256 = createHash('sha256').update(body).digest('base64');
  report.requests[spec.name] = {
    body,
    authorization: await token.toJwt(),
    contentType: 'application/webhook+json',
  };
}
process.stdout.write(JSON.stringify(report) + '\n');
