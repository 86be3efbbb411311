// A minimal client for Firefox's Marionette protocol (TCP, messages framed as "<length>:<json>"), enough to
// open tabs, navigate, run scripts in pages and click or type into elements like a user would.
import { createConnection } from 'node:net';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const unwrap = (r) => (r && typeof r === 'object' && 'value' in r ? r.value : r);

/** Connects to Marionette, retrying until it listens or the deadline passes. */
async function openSocket(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await new Promise((resolve, reject) => {
        const s = createConnection({ host: '127.0.0.1', port }, () => resolve(s));
        s.once('error', reject);
      });
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`Marionette did not answer on port ${port}: ${err.message}`);
      await sleep(250);
    }
  }
}

/** Reads framed messages: the greeting (an object) once, then answers ([1, id, error, result]) by id. */
function readMessages(socket, onGreeting, pending) {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    buffer += chunk;
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.slice(0, colon));
      // Lengths are in bytes; messages here are ASCII-safe JSON, so characters are bytes.
      if (Buffer.byteLength(buffer.slice(colon + 1)) < length) return;
      let body = buffer.slice(colon + 1);
      let bytes = 0;
      let end = 0;
      while (bytes < length) bytes += Buffer.byteLength(body[end++]);
      const message = JSON.parse(body.slice(0, end));
      buffer = body.slice(end);
      if (!Array.isArray(message)) onGreeting(message);
      else {
        const [, msgId, error, result] = message;
        const p = pending.get(msgId);
        pending.delete(msgId);
        if (error) p?.reject(new Error(`${error.error}: ${error.message}`));
        else p?.resolve(result);
      }
    }
  });
}

/** Opens a privileged page (moz-extension://…) in a new tab, as the browser UI would, and switches to it. */
async function openPrivilegedTab(client, url) {
  const { send } = client;
  const before = unwrap(await send('WebDriver:GetWindowHandles'));
  await send('Marionette:SetContext', { value: 'chrome' });
  try {
    await send('WebDriver:ExecuteScript', {
      script: `const tab = gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
               gBrowser.selectedTab = tab; return true;`,
      args: [url],
    });
  } finally {
    await send('Marionette:SetContext', { value: 'content' });
  }
  const end = Date.now() + 10_000;
  for (;;) {
    const handles = unwrap(await send('WebDriver:GetWindowHandles'));
    const fresh = handles.find((h) => !before.includes(h));
    if (fresh) {
      await send('WebDriver:SwitchToWindow', { handle: fresh, focus: true });
      // The new tab starts as about:blank; wait for the page itself.
      await client.waitFor(`location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`, {
        message: `${url} to load`,
      });
      return fresh;
    }
    if (Date.now() > end) throw new Error(`tab for ${url} did not open`);
    await sleep(100);
  }
}

/** The commands the tests use, over `send`. */
function commands(send, socket) {
  const client = {
    send,
    navigate: (url) => send('WebDriver:Navigate', { url }),
    /** Runs a function body in the current page; `arguments` holds args. */
    execute: async (script, args = []) => unwrap(await send('WebDriver:ExecuteScript', { script, args })),
    newTab: async () => unwrap(await send('WebDriver:NewWindow', { type: 'tab' })).handle,
    switchTo: (handle) => send('WebDriver:SwitchToWindow', { handle, focus: true }),
    handle: async () => unwrap(await send('WebDriver:GetWindowHandle')),
    find: async (css) => {
      const r = unwrap(await send('WebDriver:FindElement', { using: 'css selector', value: css }));
      return r['element-6066-11e4-a52e-4f735466cecf'] ?? Object.values(r)[0];
    },
    click: (element) => send('WebDriver:ElementClick', { id: element }),
    type: (element, text) => send('WebDriver:ElementSendKeys', { id: element, text }),
    clear: (element) => send('WebDriver:ElementClear', { id: element }),
    /** The viewport as a base64 PNG. */
    screenshot: async () => unwrap(await send('WebDriver:TakeScreenshot', { full: false, hash: false })),
    /** Polls a page expression until it is truthy. */
    async waitFor(expression, { timeoutMs = 15_000, message = expression } = {}) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const value = await client.execute(`return (${expression});`).catch(() => null);
        if (value) return value;
        if (Date.now() > end) throw new Error(`timed out waiting for: ${message}`);
        await sleep(150);
      }
    },
    openPrivilegedTab: (url) => openPrivilegedTab(client, url),
    close: () => socket.destroy(),
  };
  return client;
}

export async function connectMarionette(port, { timeoutMs = 30_000 } = {}) {
  const socket = await openSocket(port, timeoutMs);
  let id = 0;
  const pending = new Map();
  let greeting;
  const greeted = new Promise((r) => (greeting = r));
  readMessages(socket, (m) => greeting(m), pending);
  await greeted;
  const send = (command, params = {}) =>
    new Promise((resolve, reject) => {
      const msgId = ++id;
      pending.set(msgId, { resolve, reject });
      const json = JSON.stringify([0, msgId, command, params]);
      socket.write(`${Buffer.byteLength(json)}:${json}`);
    });
  await send('WebDriver:NewSession', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  return commands(send, socket);
}
