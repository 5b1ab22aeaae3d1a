import { IsArray, IsObject, IsOptional, IsString } from 'class-validator';
import { Json } from '../../common/params';

export class PutStorageDto {
  /** A JSON object whose values must be strings (checked by the service, naming the key). */
  @Json() @IsObject() storage!: Record<string, unknown>;
}

export class StorageKeysDto {
  @IsOptional() @Json() @IsArray() @IsString({ each: true }) keys?: string[];
}
