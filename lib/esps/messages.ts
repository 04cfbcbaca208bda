/**
 * The field messages of an ESP choice, in one place for the server's check (choice.ts) and step 1's form, which
 * checks in the browser without loading the ESP modules. Dependency-free.
 */
export const regionMessage = (espName: string, hint: string) => `region for ${espName} must be ${hint}.`;
export const tenantMessage = (hint: string) => `tenant must be ${hint}.`;
