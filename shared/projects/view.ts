import { municipality, prefecture } from '../regions/index.ts';
import type { Project } from './rules.ts';

/** A project as the API shows it: with its municipality's and prefecture's names in both languages. */
export function projectView(project: Project) {
  const m = municipality(project.municipalityCode);
  const p = prefecture(project.prefectureCode);
  // Which operator hid it stays in the audit trail, not on the project's page.
  const { hiddenBy, ...shown } = project;
  return {
    ...shown,
    welcomesTeams: project.welcomesTeams === true,
    workType: project.workType ?? 'other',
    feeTax: project.feeTax ?? 'inclusive',
    municipalityName: m?.name ?? project.municipalityCode,
    municipalityNameEn: m?.nameEn ?? project.municipalityCode,
    prefectureName: p?.name ?? project.prefectureCode,
    prefectureNameEn: p?.nameEn ?? project.prefectureCode,
  };
}
export type ProjectView = ReturnType<typeof projectView>;
