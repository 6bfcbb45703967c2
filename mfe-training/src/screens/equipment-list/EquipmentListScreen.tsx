import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  ModalDialog,
  PageHeader,
  Select,
  showToast,
  TextAreaField,
  TextField,
  type DataTableColumn,
} from '@couronne/ui';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { EQUIPMENT_KIND_LABELS, EQUIPMENT_KINDS, type EquipmentKind } from '../../components/enum-labels.ts';
import { BookingDialog } from '../../components/BookingDialog.tsx';
import { failureKey } from '../../components/mutation-errors.ts';
import { useT } from '../../i18n.ts';
import type { fr } from '../../strings.fr.ts';
import {
  CreateEquipmentMutation,
  EquipmentListQuery,
  EquipmentPlacesQuery,
  RetireEquipmentMutation,
  type Equipment,
} from './equipment-list.graphql.ts';

/** The API's bound on a resource's name (CreateSchedulingResourceInput). */
const MAX_NAME_LENGTH = 120;

const equipmentFailures = {
  FORBIDDEN: 'equipmentForbidden',
  BAD_USER_INPUT: 'equipmentRefused',
  INTERNAL: 'equipmentFailed',
  NETWORK: 'equipmentFailed',
} as const;

/** Per kind, the most one page may show: three pages of 100 would exceed the API's cost limit per operation. */
const equipmentPerKind = 50;

/**
 * Fab lab machines, public computers and kiosks (`/equipements`), one table per place: book one for a
 * resident (the advisors' booking dialog, with the equipment's own appointment types), add one, retire one.
 */
export function EquipmentListScreen() {
  const t = useT();
  // A resource created or retired (a SchedulingResource in a mutation's result) refetches the list, even
  // an empty one, whose result names no SchedulingResource for urql's cache to invalidate.
  const context = useMemo(() => ({ additionalTypenames: ['SchedulingResource'] }), []);
  const [result, reexecute] = useQuery({ query: EquipmentListQuery, variables: { perKind: equipmentPerKind }, context });
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  const header = <PageHeader title={t('equipmentTitle')} description={t('equipmentDescription')} actions={<AddEquipmentDialog />} />;

  if (result.error && !result.data) {
    return (
      <>
        {header}
        <ErrorState message={t('equipmentError')} onRetry={refetch} />
      </>
    );
  }
  if (!result.data) {
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  }

  const { machines, computers, kiosks } = result.data;
  const byPlace = new Map<string, Equipment[]>();
  for (const { node } of [...machines.edges, ...computers.edges, ...kiosks.edges]) {
    byPlace.set(node.place.id, [...(byPlace.get(node.place.id) ?? []), node]);
  }
  const truncated = [machines, computers, kiosks].some((connection) => connection.totalCount > connection.edges.length);
  const places = [...byPlace.values()]
    .map((items) => ({ place: items[0]!.place, items: items.sort((a, b) => a.name.localeCompare(b.name, 'fr')) }))
    .sort((a, b) => a.place.name.localeCompare(b.place.name, 'fr'));

  return (
    <>
      {header}
      {truncated ? <p role="status">{t('equipmentTruncated', { count: equipmentPerKind })}</p> : null}
      {places.length === 0 ? (
        <EmptyState title={t('equipmentEmpty')} />
      ) : (
        places.map(({ place, items }) => (
          <EquipmentTable
            key={place.id}
            caption={t('equipmentCaption', {
              place: t('equipmentPlaceOption', { place: place.name, commune: place.commune.name }),
              count: items.length,
            })}
            items={items}
          />
        ))
      )}
    </>
  );
}

function EquipmentTable({ caption, items }: { caption: string; items: Equipment[] }) {
  const t = useT();
  const columns: DataTableColumn<Equipment>[] = [
    { id: 'name', header: t('equipmentColumnName'), cell: (item) => item.name, isRowHeader: true },
    { id: 'kind', header: t('equipmentColumnKind'), cell: (item) => t(EQUIPMENT_KIND_LABELS[item.kind]) },
    { id: 'description', header: t('equipmentColumnDescription'), cell: (item) => item.description ?? t('equipmentNoDescription') },
    { id: 'state', header: t('equipmentColumnState'), cell: (item) => t(item.isRetired ? 'equipmentRetired' : 'equipmentInService') },
    { id: 'actions', header: t('equipmentColumnActions'), cell: (item) => (item.isRetired ? null : <EquipmentActions item={item} />) },
  ];
  return <DataTable caption={caption} columns={columns} rows={items} getRowKey={(item) => item.id} />;
}

function EquipmentActions({ item }: { item: Equipment }) {
  const t = useT();
  // Group types (capacity > 1) are booked by enrolment in a session, not from here.
  const bookable = item.appointmentTypes.filter((type) => type.capacity === 1);
  return (
    <div className="cou-toolbar cou-toolbar--compact">
      {bookable.length > 0 ? (
        <BookingDialog
          triggerLabel={t('equipmentBook')}
          triggerAriaLabel={t('equipmentBookLabel', { name: item.name })}
          triggerVariant="secondary"
          title={t('equipmentBookTitle', { name: item.name })}
          resource={{ id: item.id, name: item.name, kind: item.kind }}
          appointmentTypes={bookable}
        />
      ) : (
        <span>{t('equipmentNoBooking')}</span>
      )}
      <ModalDialog
        triggerLabel={t('equipmentRetire')}
        triggerAriaLabel={t('equipmentRetireLabel', { name: item.name })}
        triggerVariant="secondary"
        title={t('equipmentRetireTitle', { name: item.name })}
      >
        {(close) => <RetireEquipment item={item} close={close} />}
      </ModalDialog>
    </div>
  );
}

function RetireEquipment({ item, close }: { item: Equipment; close: () => void }) {
  const t = useT();
  const [failure, setFailure] = useState<keyof typeof fr | null>(null);
  const [retiring, retire] = useMutation(RetireEquipmentMutation);

  const confirm = async () => {
    const { data, error } = await retire({ input: { resourceId: item.id } });
    const key = failureKey(data?.retireSchedulingResource, error, equipmentFailures);
    setFailure(key);
    if (key) return;
    showToast({ title: t('equipmentRetiredDone', { name: item.name }), tone: 'success' });
    close();
  };

  return (
    <div className="cou-form">
      <p>{t('equipmentRetireWarning')}</p>
      {failure && (
        <p className="cou-form-error" role="alert">
          {t(failure)}
        </p>
      )}
      <Button onPress={confirm} isDisabled={retiring.fetching}>
        {t('equipmentRetireConfirm')}
      </Button>
    </div>
  );
}

function AddEquipmentDialog() {
  const t = useT();
  return (
    <ModalDialog triggerLabel={t('equipmentAdd')} title={t('equipmentAdd')}>
      {(close) => <AddEquipmentForm close={close} />}
    </ModalDialog>
  );
}

function AddEquipmentForm({ close }: { close: () => void }) {
  const t = useT();
  const nameField = useRef<HTMLInputElement>(null);
  const [placesResult, reloadPlaces] = useQuery({ query: EquipmentPlacesQuery });
  const [kind, setKind] = useState<EquipmentKind | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [placeId, setPlaceId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<keyof typeof fr | null>(null);
  const [creating, create] = useMutation(CreateEquipmentMutation);

  if (placesResult.error && !placesResult.data) {
    return <ErrorState message={t('equipmentPlacesError')} onRetry={() => reloadPlaces({ requestPolicy: 'network-only' })} />;
  }
  if (!placesResult.data) return <LoadingState lines={3} />;
  const { mediatheques, tiersLieux, makerspaces, franceServices, mairies } = placesResult.data;
  const places = [mediatheques, tiersLieux, makerspaces, franceServices, mairies]
    .flatMap((connection) => connection.edges.map((edge) => edge.node))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setFailure(null);
    const trimmed = name.trim();
    if (!kind || !trimmed || !placeId) {
      if (!trimmed) nameField.current?.focus();
      return;
    }
    const details = description.trim();
    const { data, error } = await create({ input: { kind, name: trimmed, placeId, ...(details ? { description: details } : {}) } });
    const key = failureKey(data?.createSchedulingResource, error, equipmentFailures);
    setFailure(key);
    if (key) return;
    showToast({ title: t('equipmentCreated', { name: trimmed }), tone: 'success' });
    close();
  };

  return (
    <form className="cou-form" noValidate onSubmit={(event) => void submit(event)}>
      <Select
        label={t('equipmentKind')}
        options={EQUIPMENT_KINDS.map((value) => ({ id: value, label: t(EQUIPMENT_KIND_LABELS[value]) }))}
        selectedKey={kind}
        onSelectionChange={(value) => setKind(value as EquipmentKind)}
        errorMessage={tried && !kind ? t('equipmentKindMissing') : undefined}
        isRequired
      />
      <TextField
        ref={nameField}
        label={t('equipmentName')}
        value={name}
        onChange={setName}
        maxLength={MAX_NAME_LENGTH}
        errorMessage={tried && !name.trim() ? t('equipmentNameMissing') : undefined}
        isRequired
      />
      <TextAreaField label={t('equipmentDescriptionLabel')} value={description} onChange={setDescription} rows={3} />
      <Select
        label={t('equipmentPlace')}
        options={places.map((place) => ({ id: place.id, label: t('equipmentPlaceOption', { place: place.name, commune: place.commune.name }) }))}
        selectedKey={placeId}
        onSelectionChange={setPlaceId}
        errorMessage={tried && !placeId ? t('equipmentPlaceMissing') : undefined}
        isRequired
      />
      {failure && (
        <p className="cou-form-error" role="alert">
          {t(failure)}
        </p>
      )}
      <Button type="submit" isDisabled={creating.fetching}>
        {t('equipmentCreate')}
      </Button>
    </form>
  );
}
