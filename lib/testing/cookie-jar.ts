/**
 * A stand-in for Next.js's `cookies()` in unit tests of server actions: what the action reads and sets,
 * with the options it set them with. Outside a request there is no cookie store.
 */
export class TestCookieJar {
  readonly options = new Map<string, unknown>();
  private readonly values = new Map<string, string>();

  get(name: string): { name: string; value: string } | undefined {
    const value = this.values.get(name);
    return value === undefined ? undefined : { name, value };
  }

  set(name: string, value: string, options: unknown = {}): this {
    this.values.set(name, value);
    this.options.set(name, options);
    return this;
  }

  clear(): void {
    this.values.clear();
    this.options.clear();
  }
}
