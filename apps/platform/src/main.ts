import 'reflect-metadata';
import { Injectable } from '@nestjs/common';
import { x } from '@coord/aid-deliveries-domain';
@Injectable()
class A { constructor(readonly d: Date) {} }
console.log(x, Reflect.getMetadata('design:paramtypes', A));
