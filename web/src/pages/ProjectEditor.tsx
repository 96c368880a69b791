import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  CLEARABLE_FIELDS,
  FEE_TAX,
  type FeeTax,
  ProjectInput,
  SHORT_TIME_MAX_HOURS,
  WORK_TYPES,
  type WorkType,
} from '#shared/projects/rules.ts';
import { ApiError } from '../api.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import {
  bodyOf,
  bounds,
  contractResolver,
  FormAlert,
  type Issue,
  range,
  textIssue,
  useFormSubmit,
} from '../forms.tsx';
import { normalizeSkill } from '../profile/form-utils.ts';
import { MunicipalitySelect, PrefectureSelect } from '../profile/RegionSelects.tsx';
import { useProject, useProjectAction, useSaveProject } from '../projects/queries.ts';
import { RoleGate } from '../projects/RoleGate.tsx';
import { type Project, type ProjectPatch, REMOTE_STYLES, type RemoteStyle } from '../projects/types.ts';
import type { Profile } from '../types.ts';

/** `/my/projects/new` and `/my/projects/:id/edit`: the firm drafts, edits and publishes a project. */
export default function ProjectEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const title = t(id ? 'editor.editTitle' : 'editor.newTitle');
  return (
    <RoleGate only="firm" title={title}>
      {(me) => (id ? <EditExisting id={id} me={me} title={title} /> : <Editor me={me} title={title} />)}
    </RoleGate>
  );
}

function EditExisting({ id, me, title }: { id: string; me: Profile; title: string }) {
  const { t } = useTranslation();
  const project = useProject(id);
  if (project.isPending) return <Loading />;
  const problem = project.isError
    ? project.error instanceof ApiError && project.error.status === 404
      ? t('editor.notOwner')
      : undefined
    : project.data.firmId !== me.userId
      ? t('editor.notOwner')
      : project.data.status === 'closed'
        ? t('editor.closedNotEditable')
        : undefined;
  if (project.isError && !problem)
    return (
      <Page title={title}>
        <LoadError error={project.error} onRetry={() => void project.refetch()} />
      </Page>
    );
  if (problem || !project.data)
    return (
      <Page title={title}>
        <Alert color="gray" role="status" mb="md">
          {problem}
        </Alert>
        <Button component={Link} to="/my/projects" variant="default">
          {t('projects.myTitle')}
        </Button>
      </Page>
    );
  return <Editor me={me} title={title} initial={project.data} />;
}

/** The form's values; the names are the body's, but for the prefecture (the municipality's list). */
type Values = {
  title: string;
  summary: string;
  challenge: string;
  deliverables: string;
  skills: string[];
  prefectureCode: string;
  municipalityCode: string;
  monthlyFeeJpy: string | number;
  feeTax: FeeTax | '';
  hoursPerMonth: string | number;
  remote: RemoteStyle | '';
  workType: WorkType | '';
  durationMonths: string | number;
  startMonth: string;
  shortTime: boolean;
  welcomesTeams: boolean;
};

function valuesOf(p: Project | undefined, me: Profile): Values {
  const home = me.role === 'firm' ? me.municipalityCode : '';
  return {
    title: p?.title ?? '',
    summary: p?.summary ?? '',
    challenge: p?.challenge ?? '',
    deliverables: p?.deliverables ?? '',
    skills: p?.skills ?? [],
    // A new project starts where the firm is; any municipality can be chosen.
    prefectureCode: (p?.municipalityCode ?? home).slice(0, 2),
    municipalityCode: p?.municipalityCode ?? home,
    monthlyFeeJpy: p?.monthlyFeeJpy ?? '',
    // Asked, never assumed, for a new project: whether the fee includes consumption tax.
    feeTax: p?.feeTax ?? '',
    hoursPerMonth: p?.hoursPerMonth ?? '',
    remote: p?.remote ?? '',
    workType: p?.workType ?? '',
    durationMonths: p?.durationMonths ?? '',
    startMonth: p?.startMonth ?? '',
    shortTime: p?.shortTime ?? false,
    welcomesTeams: p?.welcomesTeams ?? false,
  };
}

/** The body of `POST /v1/projects` the values make: empty optional fields left out, numbers as numbers. */
function toBody(v: Values) {
  const optional = (text: string) => (text.trim() ? text : undefined);
  const number = (n: string | number) => (n === '' ? undefined : Number(n));
  return {
    title: v.title,
    summary: v.summary,
    challenge: optional(v.challenge),
    deliverables: optional(v.deliverables),
    skills: v.skills,
    municipalityCode: v.municipalityCode,
    monthlyFeeJpy: number(v.monthlyFeeJpy),
    feeTax: v.feeTax || undefined,
    hoursPerMonth: number(v.hoursPerMonth),
    remote: v.remote || undefined,
    workType: v.workType || undefined,
    durationMonths: number(v.durationMonths),
    startMonth: optional(v.startMonth),
    shortTime: v.shortTime,
    welcomesTeams: v.welcomesTeams,
  };
}

const fields = ProjectInput.shape;
const TEXT_FIELDS = ['title', 'summary', 'challenge', 'deliverables'] as const;

/** The shared schema's issues in the person's language (the limits in the words are the schema's). */
function useWording() {
  const { t } = useTranslation();
  return (issue: Issue): string | undefined => {
    const [field, index] = issue.path;
    switch (field) {
      case 'title':
      case 'summary':
      case 'challenge':
      case 'deliverables':
        return textIssue(issue, t, 'editor.errors.required');
      case 'skills':
        if (index !== undefined && issue.code === 'invalid_format')
          return t('profile.errors.skill', { skill: String(issue.input) });
        return t('editor.errors.skillsCount', range(fields.skills));
      case 'municipalityCode':
      case 'remote':
      case 'workType':
        return t('editor.errors.chooseOne');
      case 'monthlyFeeJpy':
        return t('editor.errors.fee', range(fields.monthlyFeeJpy));
      case 'hoursPerMonth':
        if (issue.code === 'custom') return t('editor.errors.shortTimeHours', { max: SHORT_TIME_MAX_HOURS });
        return t('editor.errors.hours', range(fields.hoursPerMonth));
      case 'durationMonths':
        return t('editor.errors.duration', range(fields.durationMonths));
      case 'startMonth':
        return t('editor.errors.startMonth');
      default:
        return undefined;
    }
  };
}

function Editor({ me, title, initial }: { me: Profile; title: string; initial?: Project }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveProject();
  const action = useProjectAction();
  const word = useWording();
  const [mode, setMode] = useState<'save' | 'publish'>('save');
  const contract = contractResolver(t, ProjectInput, toBody, word);
  const form = useForm<Values>({
    initialValues: valuesOf(initial, me),
    validate: (values) => {
      const errors = contract(values);
      // The municipality is chosen from the prefecture's list: without one, choosing the prefecture comes first.
      if (!values.prefectureCode) {
        delete errors.municipalityCode;
        errors.prefectureCode = t('editor.errors.chooseOne');
      }
      // The API takes tax-inclusive by default; the firm is asked to say so.
      if (!values.feeTax) errors.feeTax = t('editor.errors.chooseOne');
      return errors;
    },
  });
  const { general, submit } = useFormSubmit(form);

  /** For an edit, only what changed (PATCH). */
  function changes(input: ProjectInput): ProjectPatch {
    if (!initial) return input;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      if (JSON.stringify(value) !== JSON.stringify(initial[key as keyof Project])) out[key] = value;
    }
    // An optional field emptied is cleared: the API takes null for it.
    for (const key of CLEARABLE_FIELDS) if (initial[key] && input[key] === undefined) out[key] = null;
    return out as ProjectPatch;
  }

  const onSubmit = submit(async (values, event) => {
    // Which of the two submit buttons (Enter in a field means the first: save).
    const submitter = (event?.nativeEvent as SubmitEvent | undefined)?.submitter;
    const chosen = submitter?.dataset.mode === 'publish' ? 'publish' : 'save';
    const patch = changes(bodyOf(ProjectInput, toBody, values));
    let saved: Project | undefined = initial;
    if (!initial || Object.keys(patch).length)
      saved = await save.mutateAsync({ id: initial?.id, input: patch });
    if (!saved) return;
    let notice: 'saved' | 'published' | 'publishFailed' = 'saved';
    if (chosen === 'publish' && saved.status === 'draft') {
      try {
        await action.mutateAsync({ id: saved.id, action: 'publish' });
        notice = 'published';
      } catch {
        notice = 'publishFailed';
      }
    }
    navigate(`/projects/${saved.id}`, { state: { notice } });
  });
  /** Which button was pressed shows at once, while the check runs. */
  const onFormSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    setMode(submitter?.dataset.mode === 'publish' ? 'publish' : 'save');
    onSubmit(event);
  };

  const busy = save.isPending || action.isPending;
  const canPublish = !initial || initial.status === 'draft';
  const fee = bounds(fields.monthlyFeeJpy);
  const hours = bounds(fields.hoursPerMonth);
  const duration = bounds(fields.durationMonths);
  const maxText = (key: (typeof TEXT_FIELDS)[number]) => bounds(fields[key]).max;
  const input = form.getInputProps;

  return (
    <Page title={title}>
      <Text mb="lg">{t('editor.lead')}</Text>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={onFormSubmit} noValidate>
          <Stack gap="lg">
            <FormAlert message={general} />
            <Fieldset legend={t('editor.about')} variant="unstyled" styles={legendStyles}>
              <Stack gap="md">
                <TextInput
                  label={t('editor.title')}
                  description={t('editor.titleHint')}
                  required
                  maxLength={maxText('title')}
                  {...input('title')}
                />
                <Textarea
                  label={t('editor.summary')}
                  description={t('editor.summaryHint')}
                  required
                  autosize
                  minRows={4}
                  maxRows={14}
                  maxLength={maxText('summary')}
                  {...input('summary')}
                />
                <Textarea
                  label={t('editor.challenge')}
                  description={t('editor.optionalHint')}
                  autosize
                  minRows={3}
                  maxRows={12}
                  maxLength={maxText('challenge')}
                  {...input('challenge')}
                />
                <Textarea
                  label={t('editor.deliverables')}
                  description={t('editor.optionalHint')}
                  autosize
                  minRows={3}
                  maxRows={12}
                  maxLength={maxText('deliverables')}
                  {...input('deliverables')}
                />
                <TagsInput
                  label={t('editor.skills')}
                  description={t('editor.skillsHint')}
                  placeholder={t('editor.skillsPlaceholder')}
                  required
                  {...input('skills')}
                  onChange={(tags) =>
                    form.setFieldValue('skills', [...new Set(tags.map(normalizeSkill).filter(Boolean))])
                  }
                  splitChars={[',', '、', '，']}
                  maxTags={bounds(fields.skills).max}
                  clearable
                />
              </Stack>
            </Fieldset>

            {/* A published project's applicants and region figures belong to its place (the API refuses a move). */}
            <Fieldset legend={t('editor.location')} disabled={initial?.status === 'open'}>
              {initial?.status === 'open' && (
                <Text size="sm" c="dimmed" mb="xs">
                  {t('editor.locationFixed')}
                </Text>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <PrefectureSelect
                  label={t('editor.prefecture')}
                  required
                  value={form.values.prefectureCode}
                  onChange={(code) => {
                    form.setFieldValue('prefectureCode', code);
                    form.setFieldValue('municipalityCode', '');
                  }}
                  error={form.errors.prefectureCode}
                />
                <MunicipalitySelect
                  label={t('editor.municipality')}
                  required
                  prefectureCode={form.values.prefectureCode}
                  value={form.values.municipalityCode}
                  onChange={(code) => form.setFieldValue('municipalityCode', code)}
                  error={form.errors.municipalityCode}
                />
              </SimpleGrid>
            </Fieldset>

            <Fieldset legend={t('editor.terms')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={t('editor.fee')}
                  description={t('editor.feeHint', range(fields.monthlyFeeJpy))}
                  required
                  min={fee.min}
                  max={fee.max}
                  step={1000}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=","
                  leftSection={<span aria-hidden="true">¥</span>}
                  inputMode="numeric"
                  clampBehavior="none"
                  {...input('monthlyFeeJpy')}
                />
                <NativeSelect
                  label={t('editor.feeTax')}
                  description={t('editor.feeTaxHint')}
                  required
                  data={[
                    { value: '', label: t('profile.choose') },
                    ...FEE_TAX.map((x) => ({ value: x, label: t(`projects.feeTax.${x}`) })),
                  ]}
                  {...input('feeTax')}
                />
                <NumberInput
                  label={t('editor.hours')}
                  description={t('editor.hoursHint', range(fields.hoursPerMonth))}
                  required
                  min={hours.min}
                  max={hours.max}
                  allowDecimal={false}
                  allowNegative={false}
                  inputMode="numeric"
                  clampBehavior="none"
                  {...input('hoursPerMonth')}
                />
                <NativeSelect
                  label={t('editor.remote')}
                  required
                  data={[
                    { value: '', label: t('profile.choose') },
                    ...REMOTE_STYLES.map((r) => ({ value: r, label: t(`projects.remoteStyles.${r}`) })),
                  ]}
                  {...input('remote')}
                />
                <NumberInput
                  label={t('editor.duration')}
                  description={t('editor.durationHint', range(fields.durationMonths))}
                  required
                  min={duration.min}
                  max={duration.max}
                  allowDecimal={false}
                  allowNegative={false}
                  inputMode="numeric"
                  clampBehavior="none"
                  {...input('durationMonths')}
                />
                <TextInput
                  type="month"
                  label={t('editor.startMonth')}
                  description={t('editor.startMonthHint')}
                  placeholder="2026-07"
                  {...input('startMonth')}
                />
              </SimpleGrid>
              <NativeSelect
                mt="md"
                label={t('editor.workType')}
                description={t('editor.workTypeHint')}
                required
                data={[
                  { value: '', label: t('profile.choose') },
                  ...WORK_TYPES.map((w) => ({ value: w, label: t(`projects.workTypes.${w}`) })),
                ]}
                {...input('workType')}
              />
              <Checkbox
                mt="md"
                label={t('editor.shortTime')}
                description={t('editor.shortTimeHint')}
                {...input('shortTime', { type: 'checkbox' })}
                onChange={(e) => {
                  form.setFieldValue('shortTime', e.currentTarget.checked);
                  // The hours may fit now.
                  form.clearFieldError('hoursPerMonth');
                }}
              />
              <Checkbox
                mt="md"
                label={t('editor.welcomesTeams')}
                description={t('editor.welcomesTeamsHint')}
                {...input('welcomesTeams', { type: 'checkbox' })}
              />
            </Fieldset>

            <Group justify="flex-end" gap="sm">
              <Button
                component={Link}
                to={initial ? `/projects/${initial.id}` : '/my/projects'}
                variant="default"
              >
                {t('editor.cancel')}
              </Button>
              <Button
                type="submit"
                variant={canPublish ? 'default' : 'filled'}
                loading={busy && mode === 'save'}
                disabled={busy && mode !== 'save'}
                data-mode="save"
              >
                {t(initial ? 'editor.save' : 'editor.saveDraft')}
              </Button>
              {canPublish && (
                <Button
                  type="submit"
                  loading={busy && mode === 'publish'}
                  disabled={busy && mode !== 'publish'}
                  data-mode="publish"
                >
                  {t('editor.saveAndPublish')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}

const legendStyles = {
  legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)', marginBottom: '0.5rem' },
};
