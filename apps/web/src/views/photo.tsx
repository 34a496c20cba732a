import { useApp } from "../app-context";

/** An uploaded photo, read from config.photoBase; without one the key is named instead. */
export const PhotoImage = ({ photoKey, alt }: { photoKey: string; alt: string }) => {
  const { config } = useApp();
  if (config.photoBase === undefined)
    return <span className="photo-placeholder muted">{photoKey.split("/").pop()}</span>;
  return <img className="photo" src={`${config.photoBase}/${photoKey}`} alt={alt} loading="lazy" />;
};
