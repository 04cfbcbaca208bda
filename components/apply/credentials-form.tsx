"use client";

import { useForm, useWatch, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { buttonPrimary, fieldError, inputBase } from "@/components/ui/styles";
import type { ProviderInfo } from "@/lib/providers/types";

export type Account = { kind: "sandbox" } | { kind: "credentials"; values: Record<string, string> };

type FormValues = Record<string, string | boolean>;

/**
 * Credentials live only in this form's memory and in the POST body of a server action. The form posts
 * nowhere by itself (method="post" even without JavaScript, so a secret can never land in a URL).
 */
export function CredentialsForm({
  provider,
  busy,
  serverFieldErrors,
  maskAll = false,
  onSubmit,
}: {
  provider: ProviderInfo;
  /** Presenter mode: mask every credential field, identifiers included. */
  maskAll?: boolean;
  busy: boolean;
  serverFieldErrors?: Record<string, string>;
  onSubmit: (account: Account) => void;
}) {
  // The credential schemas (zod/mini) load with the first check, not with the page.
  const resolver: Resolver<FormValues> = async (values, context, options) => {
    const schema = values.sandbox ? undefined : (await import("@/lib/providers/credentials")).CREDENTIAL_SCHEMAS[provider.id];
    if (!schema) return { values, errors: {} };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema validates the credential subset of the form
    return zodResolver(schema as any)(values, context, options as any) as any;
  };
  const { register, handleSubmit, control, formState } = useForm<FormValues>({ resolver, defaultValues: { sandbox: false } });
  const sandbox = useWatch({ control, name: "sandbox" }) === true;

  const submit = handleSubmit((values) => {
    if (values.sandbox) return onSubmit({ kind: "sandbox" });
    const creds: Record<string, string> = {};
    for (const f of provider.credentialFields) {
      const v = values[f.name];
      if (typeof v === "string" && v.trim() !== "") creds[f.name] = v.trim();
    }
    onSubmit({ kind: "credentials", values: creds });
  });

  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-5">
      <label className="flex items-start gap-3 rounded-md border border-dashed border-brand-600 bg-brand-50 p-3">
        <input type="checkbox" className="mt-1 size-4 accent-brand-600" {...register("sandbox")} />
        <span>
          <span className="font-semibold">Use the sandbox account</span>
          <span className="block text-sm text-slate-700">
            Runs the same apply against a local imitation of {provider.name}. Nothing is created in any real account: use it to see the whole flow first.
          </span>
        </span>
      </label>

      <fieldset disabled={sandbox} className="space-y-4 disabled:opacity-50">
        <legend className="font-semibold text-slate-900">{provider.name} credentials</legend>
        <p className="text-sm text-slate-700">
          Used for this request only: never stored, logged or sent back to your browser. Smallest permissions needed:{" "}
          <span className="font-mono text-xs">{provider.permissions.join(", ")}</span>.
        </p>
        {provider.credentialFields.map((f) => {
          const error = (formState.errors[f.name]?.message as string | undefined) ?? serverFieldErrors?.[f.name];
          const describedBy = [f.hint ? `${f.name}-hint` : "", error ? `${f.name}-error` : ""].filter(Boolean).join(" ") || undefined;
          return (
            <div key={f.name}>
              <label htmlFor={f.name} className="block font-medium">
                {f.label}
                {f.optional && <span className="font-normal text-slate-600"> (optional)</span>}
              </label>
              {f.hint && (
                <p id={`${f.name}-hint`} className="text-sm text-slate-700">
                  {f.hint}
                </p>
              )}
              <input
                id={f.name}
                type={f.secret || maskAll ? "password" : "text"}
                // Not a login: ask browsers and password managers not to offer to save these.
                autoComplete={f.secret ? "new-password" : "off"}
                data-1p-ignore=""
                data-lpignore="true"
                data-bwignore=""
                spellCheck={false}
                autoCapitalize="none"
                className={`${inputBase} mt-1 font-mono`}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                {...register(f.name)}
              />
              {error && (
                <p id={`${f.name}-error`} className={fieldError}>
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>

      <button type="submit" className={buttonPrimary} disabled={busy}>
        {busy ? "Reading your account…" : "Continue: review the changes"}
      </button>
    </form>
  );
}
