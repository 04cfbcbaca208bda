"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { previewAction } from "@/lib/actions/apply-actions";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import type { PlanQuery } from "@/lib/plan/url";
import type { ApplyPreview, ProviderInfo } from "@/lib/providers/types";
import { applyRequest, unwrap, type ActionError } from "./apply-shared";
import { CredentialsForm, type Account } from "./credentials-form";
import { PreviewView } from "./report-view";

// The run (apply + polling, with TanStack Query) is fetched once the person confirms the preview.
const ApplyRun = dynamic(() => import("./apply-run").then((m) => m.ApplyRun), { loading: () => <p role="status">Applying…</p> });

type Preview = { state: "idle" } | { state: "pending" } | { state: "error"; error: ActionError } | { state: "done"; data: ApplyPreview };

/** Credentials → preview (changes nothing) → confirmed apply. `provider` comes from the server page. */
export function ApplyPanel({ query, provider, confirmation }: { query: PlanQuery; provider: ProviderInfo; confirmation?: string }) {
  const [account, setAccount] = useState<Account>();
  const [preview, setPreview] = useState<Preview>({ state: "idle" });
  const [startedAt, setStartedAt] = useState<number>();

  if (!provider.available) {
    return <p className="rounded-md bg-white p-4">Apply for {provider.name} is coming soon. Use the manual values for now.</p>;
  }

  if (startedAt !== undefined && account) return <ApplyRun query={query} provider={provider} account={account} startedAt={startedAt} confirmation={confirmation} />;

  const runPreview = async (acc: Account) => {
    setAccount(acc);
    setPreview({ state: "pending" });
    try {
      const data = unwrap(await previewAction({ ...applyRequest(query), linkBrandingValidated: false, account: acc }));
      setPreview({ state: "done", data });
    } catch (error) {
      setPreview({ state: "error", error: error instanceof Error ? error : new Error("The preview could not be loaded; try again.") });
    }
  };

  if (preview.state === "done" && account) {
    return (
      <div className="space-y-4">
        <p>Nothing has been changed yet. This is what applying will do in your {account.kind === "sandbox" ? "sandbox" : provider.name} account:</p>
        <PreviewView preview={preview.data} />
        <div className="no-print flex flex-wrap gap-3">
          <button type="button" className={buttonSecondary} onClick={() => setPreview({ state: "idle" })}>
            Back
          </button>
          <button type="button" className={buttonPrimary} disabled={preview.data.hosts.every((h) => h.error)} onClick={() => setStartedAt(Date.now())}>
            Apply these changes
          </button>
        </div>
      </div>
    );
  }

  const error = preview.state === "error" ? preview.error : undefined;
  return (
    <div className="space-y-4">
      {error && (
        <p role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 px-3 py-2">
          {error.message}
        </p>
      )}
      <CredentialsForm provider={provider} busy={preview.state === "pending"} serverFieldErrors={error?.fieldErrors} maskAll={query.present} onSubmit={runPreview} />
    </div>
  );
}
