import { IncomingMessage, request, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Hop-by-hop headers (RFC 9110 §7.6.1) are the proxy's own business, never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host']);

const forwardedHeaders = (headers: IncomingMessage['headers']) => {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
};

/**
 * Streams a request to `target` (a base URL) and its answer back unchanged: status, headers and
 * body, so a service's 202, 400 or 401 reaches the client as the all-in-one process would send it.
 * Nothing is buffered (a 3W file may be 50 MB).
 */
export const proxyHttp = (target: string, req: IncomingMessage, res: ServerResponse, onError: (error: Error) => void): void => {
  const url = new URL(req.url ?? '/', target);
  const upstream = request(
    url,
    // A fresh connection per request: a kept-alive socket that the service closes just as it is
    // reused fails the request (ECONNRESET), and a proxied POST cannot be retried safely.
    { method: req.method, headers: { ...forwardedHeaders(req.headers), host: url.host }, agent: false },
    (answer) => {
      const headers = forwardedHeaders(answer.headers);
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    onError(error);
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'the service behind this endpoint did not answer' }));
    } else {
      res.destroy(error);
    }
  });
  req.pipe(upstream);
};

/**
 * Hands a WebSocket upgrade to `target` and splices the two sockets together. The gateway cannot
 * run subscriptions (Apollo Gateway executes queries and mutations only), so `/graphql` over
 * graphql-ws goes straight to the read-model service, which authenticates `connection_init` itself.
 */
export const proxyUpgrade = (target: string, req: IncomingMessage, client: Duplex, head: Buffer, onError: (error: Error) => void): void => {
  const url = new URL(req.url ?? '/', target);
  const headers = { ...forwardedHeaders(req.headers), host: url.host, connection: 'Upgrade', upgrade: req.headers.upgrade ?? 'websocket' };
  const upstream = request(url, { method: req.method, headers });
  const fail = (error: Error) => {
    onError(error);
    client.destroy();
  };
  client.on('error', () => upstream.destroy());
  upstream.on('error', fail);
  upstream.on('response', (answer) => {
    // The service refused the upgrade: pass its answer on and close.
    const lines = [`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage ?? ''}`];
    for (const [name, value] of Object.entries(answer.headers)) for (const item of [value].flat()) if (item !== undefined) lines.push(`${name}: ${item}`);
    client.write(`${lines.join('\r\n')}\r\n\r\n`);
    answer.pipe(client);
  });
  upstream.on('upgrade', (answer, socket, upstreamHead) => {
    const lines = ['HTTP/1.1 101 Switching Protocols'];
    for (let index = 0; index < answer.rawHeaders.length; index += 2) lines.push(`${answer.rawHeaders[index]}: ${answer.rawHeaders[index + 1]}`);
    client.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (upstreamHead.length > 0) client.write(upstreamHead);
    socket.on('error', () => client.destroy());
    client.on('close', () => socket.destroy());
    socket.on('close', () => client.destroy());
    socket.pipe(client);
    client.pipe(socket);
  });
  if (head.length > 0) upstream.write(head);
  upstream.end();
};
