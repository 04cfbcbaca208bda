import dgram from "node:dgram";
import * as dnsPacket from "dns-packet";

/**
 * A loopback DNS server for tests and the benchmark (dns-packet over node:dgram). It answers like a
 * recursive resolver for its own records: A/AAAA questions chase CNAMEs, unknown names are NXDOMAIN, a
 * known name without the asked type is NOERROR with no answer (Node: ENODATA).
 */

export interface TestRecord {
  cname?: string;
  a?: string[];
  aaaa?: string[];
  ns?: string[];
}

export interface TestDnsServer {
  /** "127.0.0.1:port", for VerifySettings.dnsServers. */
  server: string;
  records: Map<string, TestRecord>;
  /** Every question asked, in order. */
  queries: { name: string; type: string }[];
  latencyMs: number;
  close(): Promise<void>;
}

const NXDOMAIN = 3;
const FLAGS = dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE;

function answer(records: Map<string, TestRecord>, name: string, type: string): { rcode: number; answers: dnsPacket.Answer[] } {
  const answers: dnsPacket.Answer[] = [];
  let current = name;
  for (let hops = 0; hops < 16; hops++) {
    const rec = records.get(current);
    if (!rec) return { rcode: NXDOMAIN, answers };
    if (rec.cname && type !== "CNAME") {
      answers.push({ type: "CNAME", name: current, ttl: 60, data: rec.cname });
      // Names compare without regard to case (RFC 4343), whatever case a record was written in.
      current = rec.cname.toLowerCase().replace(/\.$/, "");
      continue;
    }
    if (type === "CNAME" && rec.cname) answers.push({ type: "CNAME", name: current, ttl: 60, data: rec.cname });
    if (type === "A") for (const ip of rec.a ?? []) answers.push({ type: "A", name: current, ttl: 60, data: ip });
    if (type === "AAAA") for (const ip of rec.aaaa ?? []) answers.push({ type: "AAAA", name: current, ttl: 60, data: ip });
    if (type === "NS") for (const ns of rec.ns ?? []) answers.push({ type: "NS", name: current, ttl: 60, data: ns });
    return { rcode: 0, answers };
  }
  return { rcode: 2, answers: [] };
}

/** `port`: a fixed UDP port on 127.0.0.1 (the end-to-end run's app is told it at start); default any free port. */
export async function startDnsServer(initial: Record<string, TestRecord> = {}, opts: { latencyMs?: number; port?: number } = {}): Promise<TestDnsServer> {
  const socket = dgram.createSocket("udp4");
  const records = new Map(Object.entries(initial));
  const state: TestDnsServer = {
    server: "",
    records,
    queries: [],
    latencyMs: opts.latencyMs ?? 0,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
  socket.on("message", (msg, rinfo) => {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(msg);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase().replace(/\.$/, "");
    state.queries.push({ name, type: question.type });
    const { rcode, answers } = answer(records, name, question.type);
    const reply = dnsPacket.encode({ type: "response", id: query.id, flags: FLAGS | rcode, questions: [question], answers });
    const send = () => socket.send(reply, rinfo.port, rinfo.address);
    if (state.latencyMs > 0) setTimeout(send, state.latencyMs);
    else send();
  });
  await new Promise<void>((resolve) => socket.bind(opts.port ?? 0, "127.0.0.1", resolve));
  state.server = `127.0.0.1:${socket.address().port}`;
  return state;
}
