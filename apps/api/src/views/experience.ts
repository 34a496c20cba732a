import { experienceView } from "@owners/app";
import { bookingRefunded, type Experience, type ExperienceBooking } from "@owners/domain";

/**
 * What a booking costs and where its payment stands, for its owner: the page to pay on while
 * pending, and whether the money went back. The processor's ids stay inside.
 */
export const bookingMoneyJson = (booking: ExperienceBooking) => {
  const payment = booking.payment;
  return {
    ...(booking.amountYen === undefined ? {} : { amountYen: booking.amountYen }),
    ...(payment === undefined
      ? {}
      : {
          payment: {
            status: payment.status,
            ...(payment.status === "pending" && booking.status === "pending_payment"
              ? { checkoutUrl: payment.checkoutUrl }
              : {}),
            expiresAt: payment.expiresAt,
            refunded: bookingRefunded(payment),
          },
        }),
  };
};

/** A booking as answered: with the seats its experience has left after it. */
export const bookingJson = (result: {
  readonly experience: Experience;
  readonly booking: ExperienceBooking;
}) => {
  const { payment: _payment, amountYen: _amount, ...booking } = result.booking;
  return {
    ...booking,
    ...bookingMoneyJson(result.booking),
    seatsLeft: experienceView(result.experience).seatsLeft,
  };
};
