import "server-only";
import type { PlanInput } from "@/lib/domain/plan";
import type { CredentialDescription, CredentialsOf } from "@/lib/providers/credential-fields";
import { credentialSchema } from "@/lib/providers/credential-schema";
import type { ApplyContext, ServerProvider } from "@/lib/providers/server-types";
import { isComplete, type ApplyPreview, type ApplyReport, type CdnModule, type HostApplyResult, type ProviderError, type UndoTarget } from "@/lib/providers/types";
import { failureOf } from "./failure";
import { policyOf } from "./policy";
import { failed, newResult } from "./results";
import { eachHost, undoTargets, withSession } from "./runner";
import { scrubberFor } from "./scrub";
import type { AdapterSpec, ErrorContext, Operation, Run } from "./types";

/** What the engine says it was doing when a step of its own fails (an adapter's translator may use the words). */
const DOING = {
  account: "read the account",
  read: (host: string) => `read the settings for ${host}`,
  write: (host: string) => `apply the settings for ${host}`,
  remove: (t: UndoTarget) => `remove the ${t.kind} ${t.id} for ${t.host}`,
};

/**
 * A CDN's server-only adapter (preview, apply, status, undo) from its spec, run by the shared engine: the
 * per-host runner, the retry and timeout policy (policy.ts), one failure type (failure.ts), one scrubber
 * (scrub.ts) and one translator signature (types.ts). Every method is idempotent, and nothing it returns carries
 * a credential.
 */
export function defineAdapter<D extends CredentialDescription, S extends object, U extends object, P = undefined>(
  module: CdnModule & { credentials: D },
  spec: AdapterSpec<CredentialsOf<D>, S, U, P>,
): ServerProvider<CredentialsOf<D>> {
  type C = CredentialsOf<D>;
  const cdn = module.info.id;

  function start(credentials: C, ctx: ApplyContext, operation: Operation) {
    const run: Run = { operation, ctx, policy: policyOf(ctx), scrub: scrubberFor(spec.scrub, spec.secrets(credentials)) };
    const translate = (error: unknown, context: Omit<ErrorContext, "scrub">) => failureOf(error) ?? spec.translate(error, { ...context, scrub: run.scrub });
    const accountError = (error: unknown) => translate(error, { doing: spec.accountStep ?? DOING.account });
    return { run, translate, accountError };
  }

  async function report(credentials: C, input: PlanInput, ctx: ApplyContext, operation: "apply" | "status"): Promise<ApplyReport> {
    const { run, translate, accountError } = start(credentials, ctx, operation);
    const everyHostFailed = (error: unknown): ApplyReport => {
      const e = accountError(error);
      return { cdn, hosts: input.hosts.map((h) => failed(newResult(h), e)), complete: false };
    };
    return withSession(
      () => spec.open(credentials, input, run),
      everyHostFailed,
      async (session) => {
        const { hostConcurrency } = run.policy;
        type Prepared = { ok: true; value: P } | { ok: false; error: ProviderError };
        const prepare = spec.prepareApply;
        const prepared =
          operation === "apply" && prepare
            ? await eachHost<Prepared>(
                input.hosts,
                hostConcurrency,
                async (host, i) => ({ ok: true, value: await prepare(session, host, i) }),
                (host, _, error) => ({ ok: false, error: translate(error, { host, doing: DOING.read(host) }) }),
              )
            : undefined;
        const hosts = await mapHosts(input.hosts, hostConcurrency, async (host, i, result) => {
          if (operation === "status") return spec.status(session, host, i, result);
          const ready = prepared?.[i];
          if (ready && !ready.ok) return failed(result, ready.error);
          return spec.apply(session, host, i, result, ready?.value as P);
        }, (host, error) => translate(error, { host, doing: operation === "apply" ? DOING.write(host) : DOING.read(host) }));
        return { cdn, hosts, complete: isComplete(hosts) };
      },
    );
  }

  return {
    id: cdn,
    module,
    credentialsSchema: credentialSchema(module.credentials),

    async preview(credentials, input, ctx) {
      const { run, translate, accountError } = start(credentials, ctx, "preview");
      return withSession(
        () => spec.open(credentials, input, run),
        (error): ApplyPreview => {
          const e = accountError(error);
          return { cdn, hosts: input.hosts.map((host) => ({ host, changes: [], error: e })) };
        },
        async (session) => ({
          cdn,
          hosts: await eachHost(input.hosts, run.policy.hostConcurrency, (host, i) => spec.preview(session, host, i), (host, _, error) => ({
            host,
            changes: [],
            error: translate(error, { host, doing: DOING.read(host) }),
          })),
        }),
      );
    },

    apply: (credentials, input, ctx) => report(credentials, input, ctx, "apply"),
    status: (credentials, input, ctx) => report(credentials, input, ctx, "status"),

    async undo(credentials, targets, ctx) {
      const { run, translate } = start(credentials, ctx, "undo");
      const { results, complete } = await undoTargets(targets, {
        order: module.resources.undoOrder,
        concurrency: run.policy.undoConcurrency,
        open: () => spec.openUndo(credentials, targets, run),
        perTarget: (session, t, done) => spec.undo(session, t, done),
        translate: (error, t) => translate(error, { host: t.host, doing: DOING.remove(t) }),
      });
      return { cdn, results, complete };
    },
  };
}

/** Each host's work on a fresh result; a failure keeps what the result already holds. */
function mapHosts(
  hosts: readonly string[],
  concurrency: number,
  perHost: (host: string, index: number, result: HostApplyResult) => Promise<HostApplyResult>,
  translate: (host: string, error: unknown) => ProviderError,
): Promise<HostApplyResult[]> {
  const results = hosts.map(newResult);
  return eachHost(hosts, concurrency, (host, i) => perHost(host, i, results[i]!), (host, i, error) => failed(results[i]!, translate(host, error)));
}
