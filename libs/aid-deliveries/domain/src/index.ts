import { hello } from '@coord/kernel';
import 'reflect-metadata';
export const x = hello();
