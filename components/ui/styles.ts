/** Shared class names, so buttons and cards look alike everywhere. */
export const buttonPrimary =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60";
export const buttonSecondary =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60";
export const card = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6";
export const fieldError = "mt-2 whitespace-pre-line text-sm font-medium text-red-700";
export const inputBase =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700";
