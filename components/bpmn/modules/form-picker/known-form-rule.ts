import { canLinkForm, linkedFormId, unknownFormMessage, type FormChoice, type ModdleObject } from './form-choices';

interface Reporter {
  report(id: string, message: string): void;
}

/**
 * A bpmnlint rule reporting user tasks and start events that link a form
 * Baton does not have (deleted, or from another installation): the task or
 * the request would open without its form.
 */
export function knownFormRule(forms: readonly FormChoice[]) {
  const known = new Set(forms.map((form) => form.formId));
  return () => ({
    check(node: ModdleObject, reporter: Reporter) {
      if (typeof node.get !== 'function' || !canLinkForm(node)) return;
      const formId = linkedFormId(node);
      if (formId !== null && !known.has(formId)) reporter.report(node.id as string, unknownFormMessage(formId));
    },
  });
}
