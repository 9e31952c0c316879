import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * A real SMTP server on a loopback port that keeps what it receives (parsed by mailparser).
 * With `login`, it wants that user and password (plain AUTH without TLS, as a local relay would);
 * without, it takes mail from anyone. Used by the e2e and the delivery tests alike.
 */
export async function startSmtp(opts: { login?: { username: string; password: string } } = {}) {
  const mails: Mail[] = [];
  const logins: string[] = [];
  const { login } = opts;
  const server = new SMTPServer({
    logger: false,
    ...(login
      ? {
          authOptional: false,
          allowInsecureAuth: true,
          disabledCommands: ["STARTTLS"],
          onAuth(auth, _session, cb) {
            logins.push(`${auth.username}:${auth.password}`);
            if (auth.username === login.username && auth.password === login.password) return cb(null, { user: login.username });
            return cb(new Error("Invalid username or password"));
          },
        }
      : { authOptional: true, disabledCommands: ["STARTTLS", "AUTH"] }),
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((m) => {
          const to = Array.isArray(m.to) ? m.to[0] : m.to;
          mails.push({ to: to?.value[0]?.address ?? "", subject: m.subject ?? "", text: m.text ?? "" });
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
