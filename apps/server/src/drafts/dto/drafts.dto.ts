import { ArrayMaxSize, IsArray, IsDefined, IsOptional } from 'class-validator';
import { Json } from '../../common/params';

export class CreateDraftsDto {
  @IsOptional() @Json() @IsArray() @ArrayMaxSize(100) drafts?: unknown[];
}

export class EditDraftDto {
  @Json() @IsDefined() draft!: unknown;
}
