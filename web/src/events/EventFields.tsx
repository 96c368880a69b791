import {
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { EventInput } from '#shared/events/rules.ts';
import { bounds, contractResolver, range } from '../forms.tsx';
import { toBody, useWording, type Values, valuesOf } from './editor-values.ts';
import { RegionMunicipalitySelect } from './RegionMunicipalitySelect.tsx';
import { EVENT_KINDS, type EventOut, SELECTIONS } from './types.ts';

const fields = EventInput.shape;

/** The editor's form, checked by the shared EventInput schema as the API checks it. */
export function useEventForm(initial: EventOut | undefined) {
  const { t } = useTranslation();
  const word = useWording();
  return useForm<Values>({
    initialValues: valuesOf(initial),
    validate: (values) => {
      // Worded with the values at hand: which of two rules between fields an issue broke.
      const errors = contractResolver(t, EventInput, toBody, (issue) => word(issue, values))(values);
      // An edit sends only what changed, so a venue once named cannot be taken back out.
      if (initial?.venueName && !values.venueName.trim()) errors.venueName ??= t('editor.errors.cannotClear');
      return errors;
    },
  });
}
type EventForm = ReturnType<typeof useEventForm>;

const legendStyles = {
  legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)', marginBottom: '0.5rem' },
};

/** Every field of an event, in three groups: what it is, when and where, and who may come how. */
export function EventFields({ form, regionCode }: { form: EventForm; regionCode: string }) {
  const { t } = useTranslation();
  const input = form.getInputProps;
  const tour = form.values.kind === 'tour';
  const count = (
    key: 'venueCapacity' | 'onlineCapacity' | 'feeJpy' | 'claimWindowHours' | 'refundDaysBefore',
  ) => {
    const b = bounds(fields[key]);
    return {
      min: b.min,
      max: b.max,
      allowDecimal: false,
      allowNegative: false,
      inputMode: 'numeric' as const,
      clampBehavior: 'none' as const,
      required: key !== 'claimWindowHours' && key !== 'refundDaysBefore',
      ...input(key),
    };
  };

  return (
    <>
      <Fieldset legend={t('events.editor.about')} variant="unstyled" styles={legendStyles}>
        <Stack gap="md">
          <Radio.Group label={t('events.kind')} required {...input('kind')}>
            <Group gap="lg" mt="xs">
              {EVENT_KINDS.map((k) => (
                <Radio key={k} value={k} label={t(`events.editor.kinds.${k}`)} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput
            label={t('events.editor.title')}
            description={t('events.editor.titleHint')}
            required
            maxLength={bounds(fields.title).max}
            {...input('title')}
          />
          <Textarea
            label={t('events.editor.description')}
            description={t('events.editor.descriptionHint')}
            required
            autosize
            minRows={5}
            maxRows={16}
            maxLength={bounds(fields.description).max}
            {...input('description')}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('events.editor.whenWhere')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <RegionMunicipalitySelect
            regionCode={regionCode}
            label={t('events.editor.municipality')}
            value={form.values.municipalityCode}
            onChange={(code) => form.setFieldValue('municipalityCode', code)}
            error={form.errors.municipalityCode}
          />
          <TextInput
            label={t('events.editor.venue')}
            description={t('events.editor.venueHint')}
            maxLength={bounds(fields.venueName).max}
            {...input('venueName')}
          />
          <TextInput
            type="datetime-local"
            label={t('events.editor.startsAt')}
            description={t('events.editor.japanTime')}
            required
            {...input('startsAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('events.editor.endsAt')}
            description={t('events.editor.japanTime')}
            required
            {...input('endsAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('events.signupDeadline')}
            description={t('events.editor.deadlineHint')}
            required
            {...input('signupDeadline')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('events.editor.seatsAndSignup')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('events.editor.venueCapacity')}
              description={t('events.editor.capacityHint', range(fields.venueCapacity))}
              {...count('venueCapacity')}
            />
            {!tour && (
              <NumberInput
                label={t('events.editor.onlineCapacity')}
                description={t('events.editor.onlineHint')}
                {...count('onlineCapacity')}
              />
            )}
            <NumberInput
              label={t('events.editor.fee')}
              description={t('events.editor.feeHint')}
              step={500}
              thousandSeparator=","
              leftSection={<span aria-hidden="true">¥</span>}
              {...count('feeJpy')}
            />
          </SimpleGrid>
          <Radio.Group label={t('events.selection')} required {...input('selection')}>
            <Stack gap="xs" mt="xs">
              {SELECTIONS.map((s) => (
                <Radio
                  key={s}
                  value={s}
                  label={t(`events.selections.${s}`)}
                  description={t(`events.editor.selectionHints.${s}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Checkbox
            label={t('events.editor.childcare')}
            description={t('events.editor.childcareHint')}
            {...input('childcare', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('events.editor.claimWindow')}
              description={t('events.editor.claimWindowHint', range(fields.claimWindowHours))}
              {...count('claimWindowHours')}
            />
            <NumberInput
              label={t('events.editor.refundDays')}
              description={t('events.editor.refundDaysHint', range(fields.refundDaysBefore))}
              {...count('refundDaysBefore')}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
    </>
  );
}
