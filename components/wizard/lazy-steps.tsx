"use client";

import dynamic from "next/dynamic";

/**
 * The wizard's heavy client parts, each in its own chunk so a step loads only what it uses: the hostnames
 * form (react-hook-form) on the hostnames step, the apply flow (TanStack Query, react-hook-form, the
 * credential schemas) on the configure step in apply mode. Both still render on the server; the browser
 * fetches the chunk only on the step that shows it (scripts/budgets.mjs keeps each step in budget).
 */
export const LazyHostsStep = dynamic(() => import("./hosts-step").then((m) => m.HostsStep));
// Step 1's form: the ESP choice with its region, tenant and guidance.
export const LazyEspStep = dynamic(() => import("./esp-step").then((m) => m.EspStep));
export const LazyApplyPanel = dynamic(() => import("@/components/apply/apply-panel").then((m) => m.ApplyPanel));
// Live verification (TanStack Query and the result views) only on the Test and DNS steps.
export const LazyVerifyPanel = dynamic(() => import("@/components/verify/verify-panel").then((m) => m.VerifyPanel));
export const LazySwitchGate = dynamic(() => import("@/components/verify/switch-gate").then((m) => m.SwitchGate));
// The automatic switch at the DNS host, inside the DNS step's gate.
export const LazyDnsSwitchPanel = dynamic(() => import("@/components/dns-switch/dns-switch-panel").then((m) => m.DnsSwitchPanel));
