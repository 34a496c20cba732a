/**
 * The seller disclosure Japanese law requires for online sales (特定商取引法に基づく表記),
 * shown on the producer's public page. Pinned shape (lane D validates it on application).
 */
export interface SellerDisclosure {
  readonly legalName: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  readonly responsiblePerson: string;
  readonly pricesAndFees: string;
  readonly deliveryTime: string;
  readonly returnsAndCancellation: string;
}
