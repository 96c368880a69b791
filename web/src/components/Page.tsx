import { Container, type ContainerProps, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';

let firstPage = true;

/**
 * A page: sets the document title and renders the one h1. After an in-app navigation the h1 takes
 * the focus, so screen-reader and keyboard users start reading the new page from its top.
 */
export function Page({
  title,
  children,
  size = 'md',
}: {
  title: string;
  children: ReactNode;
  size?: ContainerProps['size'];
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <Container size={size} py="xl" px="md">
      <Title order={1} ref={heading} tabIndex={-1} mb="lg" style={{ outline: 'none' }}>
        {title}
      </Title>
      {children}
    </Container>
  );
}

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} | 架け橋 Kakehashi`;
  }, [title]);
}

/** For pages with their own heading layout (the home page): focus that h1 after in-app navigation. */
export function useFocusOnNavigation<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, []);
  return ref;
}
