/** A photo of a plan or update, from the short-lived URL the API signed for it. */
export const PhotoImage = ({ src, alt }: { src: string; alt: string }) => (
  <img className="photo" src={src} alt={alt} loading="lazy" />
);
