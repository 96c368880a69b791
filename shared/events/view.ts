import { municipality, prefecture } from '../regions/index.ts';
import type { EventOut, RegistrationOut } from './contract.ts';
import type { KakehashiEvent } from './event.entity.ts';
import type { Registration } from './registration.entity.ts';

/** An event as the API shows it: names of its place, and per mode the seats left and the people waiting. */
export function eventView(e: KakehashiEvent): EventOut {
  const m = municipality(e.municipalityCode);
  const p = prefecture(e.prefectureCode);
  const open = e.status !== 'cancelled';
  const left = (cap: number, taken: number) => (open ? Math.max(0, cap - taken) : 0);
  const {
    venueTaken,
    onlineTaken,
    venueWaiting,
    onlineWaiting,
    venueEntered,
    onlineEntered,
    venueWaitSeq,
    onlineWaitSeq,
    createdBy,
    ...fields
  } = e;
  return {
    ...fields,
    municipalityName: m?.name ?? e.municipalityCode,
    municipalityNameEn: m?.nameEn ?? e.municipalityCode,
    prefectureName: p?.name ?? e.prefectureCode,
    prefectureNameEn: p?.nameEn ?? e.prefectureCode,
    seatsLeft: { venue: left(e.venueCapacity, venueTaken), online: left(e.onlineCapacity, onlineTaken) },
    waitlisted: { venue: venueWaiting, online: onlineWaiting },
    entered: { venue: venueEntered, online: onlineEntered },
  };
}

/** What the person learns of their registration; the position is counted when it is asked for. */
export function registrationView(r: Registration, waitlistPosition?: number): RegistrationOut {
  return {
    id: r.id,
    eventId: r.eventId,
    status: r.status,
    attendance: r.attendance,
    ...(waitlistPosition !== undefined ? { waitlistPosition } : {}),
    ...(r.code && r.status !== 'cancelled' ? { code: r.code } : {}),
    ...(r.checkoutUrl && r.status === 'pending_payment' ? { checkoutUrl: r.checkoutUrl } : {}),
    ...(r.offerExpiresAt && r.status === 'offered' ? { offerExpiresAt: r.offerExpiresAt } : {}),
    ...(r.holdExpiresAt && r.status === 'pending_payment' ? { holdExpiresAt: r.holdExpiresAt } : {}),
    ...(r.refundedJpy !== undefined ? { refundedJpy: r.refundedJpy } : {}),
  };
}
