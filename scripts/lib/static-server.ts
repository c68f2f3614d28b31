/**
 * A small static file server for the built site (`dist/`), shared by the end-to-end tests and
 * the site benchmark. It behaves like a plain static host: `dir/` serves `dir/index.html`, a
 * directory without its trailing slash is redirected, and anything missing gets `404.html` with
 * status 404. By default it does not compress: the site benchmark gzips bodies itself, so figures
 * do not depend on the server; the Lighthouse run asks for compression, as a real host gives it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createGzip } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

/** A running server: its base URL (with a trailing slash) and a way to stop it. */
export interface StaticServer {
  /** Base URL such as `http://127.0.0.1:41234/`. */
  url: string;
  /** Stops accepting connections and closes open ones. */
  close: () => Promise<void>;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Content type for a file name; Pagefind's index files (`.pf_*`, `.pagefind`) are binary. */
function contentType(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

async function fileKind(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

/** Text types a real host would compress. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript))|svg/;

/**
 * Serves `rootDir` on 127.0.0.1 at a free port (or `port` if given). With `compress`, text files
 * go out gzipped to clients that accept it, as a production host serves them (Lighthouse measures
 * transfer); without it, bodies are sent as they are.
 */
export async function startStaticServer(rootDir: string, port = 0, compress = false): Promise<StaticServer> {
  const root = resolve(rootDir);

  const server = createServer(async (req, res) => {
    const send = (status: number, filePath: string | undefined, headers: Record<string, string> = {}) => {
      if (!filePath) {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
        res.end(status === 404 ? 'Not found' : '');
        return;
      }
      const type = contentType(filePath);
      const gzip = compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache', ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}), ...headers });
      if (req.method === 'HEAD') res.end();
      else if (gzip) createReadStream(filePath).pipe(createGzip()).pipe(res);
      else createReadStream(filePath).pipe(res);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, undefined, { allow: 'GET, HEAD' });
      return;
    }

    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      send(400, undefined);
      return;
    }
    const target = resolve(join(root, pathname));
    if (target !== root && !target.startsWith(root + sep)) {
      send(403, undefined);
      return;
    }

    const kind = await fileKind(target);
    if (kind === 'file') {
      send(200, target);
    } else if (kind === 'dir' && !pathname.endsWith('/')) {
      send(301, undefined, { location: url.pathname + '/' + url.search });
    } else if (kind === 'dir' && (await fileKind(join(target, 'index.html'))) === 'file') {
      send(200, join(target, 'index.html'));
    } else {
      const notFound = join(root, '404.html');
      send(404, (await fileKind(notFound)) === 'file' ? notFound : undefined);
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const { port: actualPort } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${actualPort}/`,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
