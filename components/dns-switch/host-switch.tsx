"use client";

import { useState } from "react";
import { dnsStatusAction, lowerTtlAction, readDnsRecordAction, rollbackDnsAction, switchDnsAction, type DnsActionResult } from "@/lib/actions/dns-actions";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { duration } from "@/lib/dns-hosts/plan";
import { describeRecord } from "@/lib/dns-hosts/refusals";
import type { DnsHostInfo, HostRecordRead, LinkRecord, RecordWriteResult } from "@/lib/dns-hosts/types";
import type { CdnId, Region } from "@/lib/domain/plan";
import type { EspId } from "@/lib/domain/ids";
import { PlanView, ResultView } from "./record-view";
import type { StoredSwitch } from "./stored-results";

export type Account = { kind: "sandbox" } | { kind: "credentials"; values: Record<string, string> };

interface Failure {
  message: string;
  action?: string;
  recordNow?: LinkRecord | null;
}

/**
 * One link host at the DNS host: read the record (nothing is written), optionally lower a long TTL first, switch,
 * and roll back from the result. Every write's result is handed up to be kept in the tab (never a credential).
 */
export function HostSwitch(props: {
  host: string;
  target: string | undefined;
  dnsHost: string;
  info: DnsHostInfo;
  cdn: CdnId;
  esp: EspId;
  region: Region;
  tenant?: string;
  link: string | undefined;
  /** The account to use: the one chosen, or for a result the one it was made with; null when credentials are missing (the form says so). */
  account: (madeWith?: "sandbox" | "credentials") => Account | null;
  stored: StoredSwitch | undefined;
  onStored: (entry: StoredSwitch | null) => void;
  onFieldErrors: (errors: Record<string, string> | undefined) => void;
  testStepHref: string;
}) {
  const { host, target, info, stored } = props;
  const [read, setRead] = useState<(HostRecordRead & { simulated: boolean }) | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function run<T>(what: string, call: (account: Account) => Promise<DnsActionResult<T>>, done: (data: T, account: Account) => void) {
    // A result is rolled back or checked with the account it was made with.
    const account = stored && (what === "rollback" || what === "status") ? props.account(stored.sandbox ? "sandbox" : "credentials") : props.account();
    if (!account) return;
    setBusy(what);
    setFailure(null);
    try {
      const result = await call(account);
      props.onFieldErrors(result.ok ? undefined : result.fieldErrors);
      if (result.ok) done(result.data, account);
      else setFailure({ message: result.message, action: result.error?.action, recordNow: result.recordNow });
    } catch {
      setFailure({ message: "The server could not be reached. Nothing was sent to the DNS host; try again." });
    } finally {
      setBusy(null);
    }
  }

  const keep = (kind: StoredSwitch["kind"], result: RecordWriteResult, account: Account) => {
    // A switch after the TTL was lowered keeps the record from before the TTL change too.
    const beforeTtlChange = kind === "switch" && stored?.kind === "ttl" ? stored.result.previous : undefined;
    props.onStored({ kind, result, sandbox: account.kind === "sandbox", at: new Date().toISOString(), ...(beforeTtlChange ? { beforeTtlChange } : {}) });
  };

  if (!target) {
    return (
      <p className="mt-2 text-sm">
        The CDN address of {host} is not known yet: enter it in the{" "}
        <a className="underline" href={props.testStepHref}>
          Test step
        </a>{" "}
        so it can be checked before the switch.
      </p>
    );
  }

  const base = { dnsHost: props.dnsHost, host };
  const readRecord = () => run("read", (account) => readDnsRecordAction({ ...base, account, cdn: props.cdn, target }), (data) => setRead(data));
  const lower = (r: HostRecordRead) =>
    run("ttl", (account) => lowerTtlAction({ ...base, account, zone: r.zone, expected: r.plan.current }), (data, account) => {
      keep("ttl", data, account);
      setRead(null);
    });
  const doSwitch = (r: HostRecordRead) =>
    run("switch", (account) => switchDnsAction({ ...base, account, cdn: props.cdn, esp: props.esp, region: props.region, tenant: props.tenant, target, link: props.link ?? null, zone: r.zone, expected: r.plan.current }), (data, account) => {
      keep("switch", data, account);
      setRead(null);
    });
  const rollback = (s: StoredSwitch) =>
    run("rollback", (account) => rollbackDnsAction({ dnsHost: s.result.dnsHost, account, host, zone: s.result.zone, written: s.result.written, previous: s.result.previous }), (data, account) => keep("rollback", data, account));
  const checkAgain = (s: StoredSwitch) =>
    run("status", (account) => dnsStatusAction({ dnsHost: s.result.dnsHost, account, host, zone: s.result.zone, written: s.result.written, ...(s.result.changeId ? { changeId: s.result.changeId } : {}) }), (data) =>
      props.onStored({ ...s, result: { ...s.result, status: data.status, authoritative: data.authoritative } }),
    );

  const canSwitch = read && read.plan.changes.length > 0;
  return (
    <div className="mt-2" aria-busy={busy !== null}>
      <p className="text-sm">
        Switch to <span className="break-all font-mono">{target}</span>.
      </p>
      <div className="no-print mt-2 flex flex-wrap gap-2">
        <button type="button" className={buttonSecondary} disabled={busy !== null} onClick={readRecord}>
          {busy === "read" ? `Reading the record of ${host}…` : `Read the current record of ${host}`}
        </button>
        {read?.lowerTtlFirst && (
          <button type="button" className={buttonSecondary} disabled={busy !== null} onClick={() => lower(read)}>
            {busy === "ttl" ? "Lowering the TTL…" : `Lower the TTL of ${host} to ${duration(read.lowerTtlFirst.to)} first`}
          </button>
        )}
        {canSwitch && (
          <button type="button" className={buttonPrimary} disabled={busy !== null} onClick={() => doSwitch(read)}>
            {busy === "switch" ? `Checking the CDN and switching ${host}…` : `Switch DNS for ${host}`}
          </button>
        )}
      </div>
      {read && <PlanView read={read} info={info} />}
      {read?.lowerTtlFirst && (
        <p className="mt-2 text-sm">
          The TTL is {duration(read.lowerTtlFirst.from)}: resolvers may keep the old answer that long after the switch. To shorten that, lower the TTL first, wait{" "}
          {duration(read.lowerTtlFirst.from)}, then switch.
        </p>
      )}
      <div aria-live="polite">
        {stored && (
          <>
            <ResultView result={stored.result} info={info} kind={stored.kind} beforeTtlChange={stored.beforeTtlChange} />
            <div className="no-print mt-2 flex flex-wrap gap-2">
              {stored.kind === "switch" && (
                <button type="button" className={buttonSecondary} disabled={busy !== null} onClick={() => rollback(stored)}>
                  {busy === "rollback" ? `Rolling back ${host}…` : `Roll back ${host}`}
                </button>
              )}
              {(stored.result.status === "pending" || stored.result.authoritative?.matches === false) && (
                <button type="button" className={buttonSecondary} disabled={busy !== null} onClick={() => checkAgain(stored)}>
                  {busy === "status" ? "Asking…" : `Check ${host} again`}
                </button>
              )}
            </div>
          </>
        )}
      </div>
      {failure && (
        <div role="alert" className="mt-3 rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-950">
          <p className="font-semibold">{failure.message}</p>
          {failure.action && <p className="mt-1">{failure.action}</p>}
          {failure.recordNow && <p className="mt-1">The record now: {describeRecord(failure.recordNow, info)}.</p>}
        </div>
      )}
    </div>
  );
}
