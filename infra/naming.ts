/** Turns manifest names (`create-briefing`, `strategy-circle`) into CDK construct ids (`CreateBriefing`). */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
