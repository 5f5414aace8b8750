// Component tests click through happy-dom, whose events are synthetic (isTrusted false): the
// manager's writing buttons accept them here only (lib/ui/trusted.ts). The e2e suite clicks as a
// person does, and checks that a page script's synthetic clicks change nothing.
(globalThis as Record<string, unknown>).__qsmAllowSyntheticClicks = true;
