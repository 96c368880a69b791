import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { SkillBadges } from './ProjectCard.tsx';
import type { Project } from './types.ts';

/** A project's terms as a list of labelled values (the profile's `.fields` layout). */
export function ProjectFacts({ project }: { project: Project }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: [string, ReactNode][] = [
    [t('projects.organization'), project.organizationName],
    [t('projects.location'), f.region(project)],
    [
      t('projects.fee'),
      <strong key="fee">
        {f.fee(project.monthlyFeeJpy)}
        {t(`projects.feeTaxShort.${project.feeTax}`)}
      </strong>,
    ],
    [t('projects.hours'), f.hours(project.hoursPerMonth)],
    [t('projects.remote'), t(`projects.remoteStyles.${project.remote}`)],
    [t('projects.workType'), t(`projects.workTypes.${project.workType}`)],
    [t('projects.duration'), f.duration(project.durationMonths)],
    [
      t('projects.startMonth'),
      project.startMonth ? f.month(project.startMonth) : t('projects.startFlexible'),
    ],
  ];
  if (project.shortTime) rows.push([t('projects.shortTime'), t('projects.shortTimeValue')]);
  if (project.welcomesTeams) rows.push([t('projects.teams'), t('projects.teamsValue')]);
  rows.push(
    [t('projects.skills'), <SkillBadges key="skills" skills={project.skills} label={t('projects.skills')} />],
    [t('projects.applicants'), f.applicants(project.applicantCount)],
  );
  if (project.publishedAt) rows.push([t('projects.publishedAt'), f.date(project.publishedAt)]);
  // 12条: how current the posting is, and when its conditions last changed.
  rows.push([
    t('projects.updatedAt'),
    <time key="updated" dateTime={project.updatedAt}>
      {f.date(project.updatedAt)}
    </time>,
  ]);
  if (project.termsChangedAt)
    rows.push([
      t('projects.termsChangedAt'),
      <time key="terms-changed" dateTime={project.termsChangedAt}>
        {f.date(project.termsChangedAt)}
      </time>,
    ]);
  return (
    <dl className="fields">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
