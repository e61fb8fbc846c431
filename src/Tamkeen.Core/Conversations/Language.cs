namespace Tamkeen.Core.Conversations;

public enum Language
{
    Arabic = 0,
    English = 1,
}
