// Server state of the method template: one query for the live template with its list of
// signed versions, one per signed version (cached for good, it never changes).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppError } from './errors';
import { templateApi, type SignTemplateInput, type Template, type TemplateElementInput, type TemplateVersion } from './template';

export const templateKeys = {
  template: ['template'] as const,
  version: (id: number) => ['templateVersion', id] as const,
};

export const useTemplate = () => useQuery({ queryKey: templateKeys.template, queryFn: templateApi.get });

/** A signed version never changes, so it is cached for good. */
export const useTemplateVersion = (id: number, enabled = true) =>
  useQuery({ queryKey: templateKeys.version(id), queryFn: () => templateApi.version(id), staleTime: Infinity, enabled: enabled && id > 0 });

/** Saves one element; the returned template replaces the cached one. */
export function useSaveElement() {
  const qc = useQueryClient();
  return useMutation<Template, AppError, TemplateElementInput>({
    mutationFn: templateApi.saveElement,
    onSuccess: (t) => qc.setQueryData(templateKeys.template, t),
  });
}

/** Signs the current template; the new version joins the list. */
export function useSignTemplate() {
  const qc = useQueryClient();
  return useMutation<TemplateVersion, AppError, SignTemplateInput>({
    mutationFn: templateApi.sign,
    onSuccess: (v) => {
      qc.setQueryData(templateKeys.version(v.summary.id), v);
      void qc.invalidateQueries({ queryKey: templateKeys.template });
    },
  });
}
