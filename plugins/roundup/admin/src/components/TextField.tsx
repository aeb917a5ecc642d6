import type * as React from 'react';
import { Field, TextInput } from '@strapi/design-system';

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The server's message for this field, shown under it. */
  error?: string;
  hint?: string;
  required?: boolean;
  placeholder?: string;
  /** Shown under the field, after its hint and error. */
  children?: React.ReactNode;
}

/** A one-line text field of a form, with its label, hint and error. */
export const TextField = ({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  required,
  placeholder,
  children,
}: TextFieldProps) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      value={value}
      placeholder={placeholder}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
    />
    <Field.Hint />
    <Field.Error />
    {children}
  </Field.Root>
);

/**
 * Ties text fields to a form's values and errors: `field('title', label)`
 * gives a TextField its name, label, value, error and change handler.
 */
export const bindTextFields =
  <Name extends string>(
    values: Record<Name, string>,
    errors: Partial<Record<Name, string>>,
    change: (name: Name, value: string) => void
  ) =>
  (name: Name, label: string) => ({
    name,
    label,
    value: values[name],
    error: errors[name],
    onChange: (value: string) => change(name, value),
  });
